using Approvals.Activities.Requests;

namespace Approvals.Host.Endpoints.Requests;

/// <summary>A file of a request, without its contents.</summary>
public sealed record AttachmentInfo(string Id, string FileName, string ContentType, long Size, string? Field, string UploadedBy,
    DateTimeOffset UploadedAt)
{
    public static AttachmentInfo Of(RequestAttachment a) => new(a.Id, a.FileName, a.ContentType, a.Size, a.Field, a.UploadedBy,
        a.UploadedAt);
}
