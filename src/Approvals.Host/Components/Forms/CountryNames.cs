using System.Globalization;

namespace Approvals.Host.Components.Forms;

/// <summary>How a country code reads in the pages and letters: the Chinese name for Chinese readers, the English name, the code.</summary>
public static class CountryNames
{
    public static string Of(string code, bool english = false)
    {
        var englishName = Region(code)?.EnglishName;
        var chinese = ChineseCountryNames.ByCode.GetValueOrDefault(code);
        return (english, englishName, chinese) switch
        {
            (_, null, null) => code,
            (true, { } name, _) => $"{name} ({code})",
            (false, { } name, { } zh) => $"{zh} {name} ({code})",
            (false, null, { } zh) => $"{zh} ({code})",
            _ => $"{englishName} ({code})",
        };
    }

    /// <summary>Whether <paramref name="term"/> finds the country: by its Chinese, native or English name, or its code.</summary>
    public static bool Matches(string code, string term)
    {
        var region = Region(code);
        return code.Equals(term, StringComparison.OrdinalIgnoreCase)
            || (ChineseCountryNames.ByCode.GetValueOrDefault(code)?.Contains(term, StringComparison.Ordinal) ?? false)
            || (region?.EnglishName.Contains(term, StringComparison.OrdinalIgnoreCase) ?? false)
            || (region?.NativeName.Contains(term, StringComparison.OrdinalIgnoreCase) ?? false);
    }

    private static RegionInfo? Region(string code)
    {
        try
        {
            return new RegionInfo(code);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
