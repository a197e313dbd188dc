using Approvals.Activities.Requests;

namespace Approvals.Host.Components.Forms;

/// <summary>
/// Files chosen in a form before the request exists: checked against the limits when chosen, stored with the request
/// (or its revision) once it is filed.
/// </summary>
public sealed class AttachmentBasket(AttachmentLimits limits)
{
    public sealed record File(string Field, string FileName, string ContentType, byte[] Content);

    private readonly Dictionary<string, File> _files = new();

    public AttachmentLimits Limits => limits;

    public IReadOnlyCollection<File> Files => _files.Values;

    public File? For(string field) => _files.GetValueOrDefault(field);

    /// <summary>
    /// Why a file of this name and size cannot be attached (empty, too big, a type not accepted), in words; null when it can.
    /// </summary>
    public string? Problem(string fileName, long size, bool english)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (size == 0) return english ? "The file is empty." : "文件为空。";
        if (size > limits.MaxBytes)
            return english ? $"The file is {size:N0} bytes; at most {limits.MaxBytes:N0} are accepted."
                : $"文件 {size:N0} 字节，超过上限 {limits.MaxBytes:N0} 字节。";
        if (!limits.Extensions.Contains(extension))
            return english ? $"Files of type '{extension}' are not accepted ({string.Join(", ", limits.Extensions)})."
                : $"不接受 {extension} 类型的文件（可用：{string.Join("、", limits.Extensions)}）。";
        return null;
    }

    /// <summary>Keeps the file for the field, or says why not (see <see cref="Problem"/>).</summary>
    public string? Put(string field, string fileName, string contentType, byte[] content, bool english)
    {
        if (Problem(fileName, content.Length, english) is { } problem) return problem;
        _files[field] = new File(field, Path.GetFileName(fileName), contentType, content);
        return null;
    }

    public void Remove(string field) => _files.Remove(field);

    /// <summary>Stores every chosen file with the request.</summary>
    public async Task StoreAsync(AttachmentStore store, string requestId, string userId, CancellationToken cancellationToken = default)
    {
        foreach (var file in _files.Values)
            await store.AddAsync(requestId, file.FileName, file.Content, file.Field, userId, limits, cancellationToken);
        _files.Clear();
    }
}
