using System.IO.Compression;
using System.Text;

namespace Approvals.Host.Endpoints.Elsa.Definitions;

/// <summary>
/// Reads the studio's import upload (JSON files, or ZIP files of them) within limits, so a ZIP bomb or a flood of entries
/// is refused with a reason instead of filling memory: at most <see cref="MaxEntries"/> definitions, each at most
/// <see cref="MaxDefinitionBytes"/> once unpacked, <see cref="MaxTotalBytes"/> in all. The bytes are counted as they are
/// read, not taken from the ZIP's own (forgeable) sizes.
/// </summary>
internal static class DefinitionArchive
{
    public const int MaxEntries = 200;
    public const int MaxDefinitionBytes = 2 * 1024 * 1024;
    public const long MaxTotalBytes = 20 * 1024 * 1024;
    public const long MaxUploadBytes = 10 * 1024 * 1024;

    public sealed class TooLargeException(string message) : Exception(message);

    public static async Task<List<(string Name, string Text)>> ReadAsync(IFormFileCollection files, CancellationToken cancellationToken)
    {
        var documents = new List<(string Name, string Text)>();
        long total = 0;
        async Task AddAsync(string name, Stream content)
        {
            if (documents.Count >= MaxEntries) throw new TooLargeException($"An import takes at most {MaxEntries} workflow definitions.");
            var text = await ReadBoundedAsync(name, content, cancellationToken);
            total += text.Length;
            if (total > MaxTotalBytes) throw new TooLargeException(
                $"The files unpack to more than {MaxTotalBytes / 1024 / 1024} MB of definitions.");
            documents.Add((name, text));
        }

        foreach (var file in files)
        {
            await using var stream = file.OpenReadStream();
            if (!file.FileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            {
                await AddAsync(file.FileName, stream);
                continue;
            }
            ZipArchive zip;
            try
            {
                zip = new ZipArchive(stream, ZipArchiveMode.Read);
            }
            catch (Exception ex) when (ex is InvalidDataException or ArgumentException)
            {
                // A file too short to hold a ZIP directory fails with a position error rather than a data error.
                throw new InvalidDataException($"{file.FileName} is not a ZIP file.");
            }
            using (zip)
            {
                if (zip.Entries.Count > MaxEntries * 5)
                    throw new TooLargeException(
                        $"{file.FileName} has {zip.Entries.Count} entries; an import takes at most {MaxEntries} definitions.");
                foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".json", StringComparison.OrdinalIgnoreCase)))
                {
                    await using var content = entry.Open();
                    await AddAsync($"{file.FileName}/{entry.FullName}", content);
                }
            }
        }
        return documents;
    }

    private static async Task<string> ReadBoundedAsync(string name, Stream content, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxDefinitionBytes)
                throw new TooLargeException($"{name} is larger than {MaxDefinitionBytes / 1024 / 1024} MB.");
            buffer.Write(chunk, 0, read);
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
