namespace Approvals.Activities.Requests;

/// <summary>A file attached to a request (invitation letter, draft agreement, signed agreement, a scan of an outside decision).</summary>
public sealed class RequestAttachment
{
    public required string Id { get; set; }
    public required string RequestId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required byte[] Content { get; set; }
    public string? Field { get; set; }
    public required string UploadedBy { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}
