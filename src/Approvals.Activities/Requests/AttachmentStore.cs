using Approvals.Activities.Audit;
using Approvals.Activities.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Activities.Requests;

/// <summary>Files attached to requests, with the size and type limits of <see cref="AttachmentLimits"/>.</summary>
public sealed class AttachmentStore(ApprovalsDbContextFactory factory, TimeProvider clock)
{
    public async Task<RequestAttachment> AddAsync(string requestId, string fileName, byte[] content, string? field, string userId,
        AttachmentLimits limits, CancellationToken cancellationToken = default)
    {
        if (content.Length == 0) throw new Tasks.DecisionInvalidException("file", "The file is empty.");
        if (content.Length > limits.MaxBytes) throw new Tasks.DecisionInvalidException("file",
            $"The file is {content.Length:N0} bytes; at most {limits.MaxBytes:N0} are accepted.");
        fileName = AttachmentFile.SafeName(fileName);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (!limits.Extensions.Contains(extension)) throw new Tasks.DecisionInvalidException("file",
            $"Files of type '{extension}' are not accepted ({string.Join(", ", limits.Extensions)}).");
        var attachment = new RequestAttachment
        {
            Id = Guid.CreateVersion7().ToString("N"),
            RequestId = requestId,
            FileName = fileName,
            // The uploader's type is not trusted: it is worked out from the name and the content.
            ContentType = AttachmentFile.TypeOf(fileName, content).ContentType,
            Size = content.Length,
            Content = content,
            Field = field,
            UploadedBy = userId,
            UploadedAt = clock.GetUtcNow(),
        };
        return await factory.RunAsync(async (db, token) =>
        {
            db.RequestAttachments.Add(attachment);
            await AuditTrail.AppendAsync(db, [new AuditRecord(userId, "AttachmentAdded")
            {
                RequestId = requestId,
                At = attachment.UploadedAt,
                Data = new System.Text.Json.Nodes.JsonObject
                {
                    ["attachmentId"] = attachment.Id, ["fileName"] = attachment.FileName, ["size"] = attachment.Size,
                },
            }], token);
            await db.SaveChangesAsync(token);
            return attachment;
        }, cancellationToken);
    }

    public async Task<RequestAttachment?> GetAsync(string requestId, string attachmentId, CancellationToken cancellationToken = default)
    {
        await using var db = factory.Create();
        return await db.RequestAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.RequestId == requestId,
            cancellationToken);
    }

    public async Task<IReadOnlyList<RequestAttachment>> ListAsync(string requestId, CancellationToken cancellationToken = default)
    {
        await using var db = factory.Create();
        return await db.RequestAttachments.AsNoTracking().Where(a => a.RequestId == requestId).OrderBy(a => a.UploadedAt)
            .Select(a => new RequestAttachment { Id = a.Id, RequestId = a.RequestId, FileName = a.FileName, ContentType = a.ContentType,
                Size = a.Size, Content = Array.Empty<byte>(), Field = a.Field, UploadedBy = a.UploadedBy, UploadedAt = a.UploadedAt })
            .ToListAsync(cancellationToken);
    }
}

/// <summary>What attachments may be: the <c>Approvals:Attachments</c> section.</summary>
public sealed class AttachmentLimits
{
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>What an upload over the limit is told.</summary>
    public string TooLarge => $"An attachment may be at most {MaxBytes:N0} bytes ({MaxBytes / 1024.0 / 1024.0:0.#} MB).";
    public HashSet<string> Extensions { get; set; } = [".pdf", ".jpg", ".jpeg", ".png", ".doc", ".docx", ".xls", ".xlsx", ".txt", ".ofd"];
}
