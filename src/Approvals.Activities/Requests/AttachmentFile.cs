namespace Approvals.Activities.Requests;

/// <summary>
/// What the server makes of an uploaded file, never trusting the uploader: a name safe to store and offer back, and the
/// type it is served as. PDF and images are shown in the browser only when their content is what the name says.
/// </summary>
public static class AttachmentFile
{
    private const int MaxNameLength = 160;

    /// <summary>The last segment of the name (either slash), without control characters, leading dots or padding.</summary>
    public static string SafeName(string? fileName)
    {
        var last = (fileName ?? "").Replace('\\', '/').Split('/').LastOrDefault(s => s.Trim().Trim('.').Length > 0) ?? "";
        var clean = new string(last.Where(c => !char.IsControl(c) && c is not ('<' or '>' or ':' or '"' or '|' or '?' or '*')).ToArray())
            .Trim().TrimStart('.').Trim();
        var extension = Path.GetExtension(clean);
        if (clean.Length > MaxNameLength) clean = clean[..(MaxNameLength - extension.Length)] + extension;
        return clean.Length == 0 || clean == extension ? "attachment" + extension : clean;
    }

    /// <summary>
    /// The type to serve, and whether the browser may show it inline (a verified PDF or image); everything else downloads.
    /// </summary>
    public static (string ContentType, bool Inline) TypeOf(string fileName, ReadOnlySpan<byte> content)
    {
        switch (Path.GetExtension(fileName).ToLowerInvariant())
        {
            case ".pdf": return content.StartsWith("%PDF-"u8) ? ("application/pdf", true) : ("application/octet-stream", false);
            case ".png": return content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]) ? ("image/png", true)
                : ("application/octet-stream", false);
            case ".jpg" or ".jpeg": return content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? ("image/jpeg", true)
                : ("application/octet-stream", false);
            case ".doc": return ("application/msword", false);
            case ".docx": return ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", false);
            case ".xls": return ("application/vnd.ms-excel", false);
            case ".xlsx": return ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", false);
            case ".txt": return ("text/plain; charset=utf-8", false);
            case ".ofd": return ("application/ofd", false);
            default: return ("application/octet-stream", false);
        }
    }
}
