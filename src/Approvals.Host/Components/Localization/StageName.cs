namespace Approvals.Host.Components.Localization;

/// <summary>
/// Stage names in the shipped workflows are written in both languages ("友城处审核 Division review"); a letter shows the
/// reader's half. A name in one language only is shown as it is.
/// </summary>
public static class StageName
{
    public static string? In(string? name, bool english)
    {
        if (string.IsNullOrWhiteSpace(name)) return name;
        var latin = name.IndexOf(name.FirstOrDefault(c => c is >= 'A' and <= 'Z' or >= 'a' and <= 'z'));
        var hasChinese = name.Any(c => c >= '\u4e00' && c <= '\u9fff');
        if (!hasChinese || latin <= 0 || name[..latin].Any(c => c is >= 'A' and <= 'Z' or >= 'a' and <= 'z')) return name;
        // Chinese first, then the English from the first Latin letter on (only when no Chinese follows it).
        var chinese = name[..latin].Trim();
        var rest = name[latin..].Trim();
        if (rest.Any(c => c >= '\u4e00' && c <= '\u9fff') || chinese.Length == 0) return name;
        return english ? rest : chinese;
    }
}
