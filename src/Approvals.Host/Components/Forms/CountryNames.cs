using System.Globalization;

namespace Approvals.Host.Components.Forms;

/// <summary>How a country code reads in the pages: native and English names with the code.</summary>
public static class CountryNames
{
    public static string Of(string code)
    {
        try
        {
            var region = new RegionInfo(code);
            return region.NativeName == region.EnglishName ? $"{region.EnglishName} ({code})" : $"{region.NativeName} / {region.EnglishName} ({code})";
        }
        catch (ArgumentException)
        {
            return code;
        }
    }
}
