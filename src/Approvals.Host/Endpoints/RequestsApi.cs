using System.Text.Json.Nodes;
using Approvals.Activities.Access;
using Approvals.Activities.Persistence;
using Approvals.Activities.Requests;
using Approvals.Activities.Tasks;
using Approvals.Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Approvals.Host.Endpoints;

/// <summary>Requests: file, list (only what the caller may see), read with history, withdraw, resubmit, attachments.</summary>
internal static class RequestsApi
{
    public sealed record SubmitBody(string? Type, JsonObject? Data);
    public sealed record Submitted(string Id, string Number, string Status, string InstanceId);
    public sealed record WithdrawBody(string? Reason);
    public sealed record ResubmitBody(JsonObject? Data, string? OperationId);
    public sealed record RequestSummary(string Id, string Number, string Type, string Title, string UnitId, string ApplicantId, string State, string Status, string StatusEn,
        string? DocumentNumber, bool OverQuota, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
    public sealed record StageEntry(string TaskId, string Stage, string Title, string Status, string? Outcome, string? Comment, string? ActedBy, string? OnBehalfOf,
        DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt, DateTimeOffset? DueAt, bool IsOverdue);
    public sealed record AttachmentInfo(string Id, string FileName, string ContentType, long Size, string? Field, string UploadedBy, DateTimeOffset UploadedAt);
    public sealed record AuditInfo(long Sequence, DateTimeOffset Timestamp, string Actor, string? OnBehalfOf, string Action, string? Comment, string? StatusBefore, string? StatusAfter, string? TaskId, JsonObject? Data);
    public sealed record RequestDetails(RequestSummary Request, JsonObject Data, int Revision, JsonArray? PolicyChecks, JsonObject? QuotaStanding, string InstanceId,
        string InstanceStatus, IReadOnlyList<StageEntry> History, IReadOnlyList<StageEntry> CurrentTasks, IReadOnlyList<AttachmentInfo> Attachments, IReadOnlyList<AuditInfo> Audit);

    public static void MapRequestsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/requests").WithTags("Requests");
        group.MapPost("/", SubmitAsync);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapPost("/{id}/withdraw", WithdrawAsync);
        group.MapPost("/{id}/resubmit", ResubmitAsync);
        group.MapPost("/{id}/attachments", UploadAsync);
        group.MapGet("/{id}/attachments/{attachmentId}", DownloadAsync);
    }

    private static async Task<IResult> SubmitAsync(SubmitBody body, HttpContext http, RequestService requests)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.Type)) errors["type"] = ["is required"];
        if (body.Data is null) errors["data"] = ["is required"];
        if (errors.Count > 0) return Results.ValidationProblem(errors);
        var request = await requests.SubmitAsync(http.User.UserId(), body.Type!, body.Data!, http.RequestAborted);
        return Results.Created($"/api/requests/{request.Id}", new Submitted(request.Id, request.Number, request.Status, request.WorkflowInstanceId));
    }

    private static async Task<IResult> ListAsync(HttpContext http, ApprovalsDbContextFactory factory, RequestAccess access, string? state = null, string? type = null, int take = 100)
    {
        await using var db = factory.Create();
        var query = await access.VisibleAsync(http.User.UserId(), db.Requests.AsNoTracking(), http.RequestAborted);
        if (type is not null) query = query.Where(r => r.Type == type);
        if (state is not null && Enum.TryParse<RequestState>(state, true, out var s)) query = query.Where(r => r.State == s);
        var rows = await query.OrderByDescending(r => r.CreatedAt).Take(Math.Clamp(take, 1, 500)).ToListAsync(http.RequestAborted);
        return Results.Ok(rows.Select(Summary));
    }

    private static async Task<IResult> GetAsync(string id, HttpContext http, ApprovalsDbContextFactory factory, RequestAccess access, WorkflowRuntime runtime)
    {
        var request = await access.FindVisibleRequestAsync(http.User.UserId(), id, http.RequestAborted);
        if (request is null) return NotFound(id);
        await using var db = factory.Create();
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.RequestId == id).OrderBy(t => t.CreatedAt).ToListAsync(http.RequestAborted);
        var attachments = await db.RequestAttachments.AsNoTracking().Where(a => a.RequestId == id)
            .Select(a => new AttachmentInfo(a.Id, a.FileName, a.ContentType, a.Size, a.Field, a.UploadedBy, a.UploadedAt)).ToListAsync(http.RequestAborted);
        var audit = await db.AuditEntries.AsNoTracking().Where(e => e.RequestId == id).OrderBy(e => e.Sequence)
            .Select(e => new AuditInfo(e.Sequence, e.Timestamp, e.Actor, e.OnBehalfOf, e.Action, e.Comment, e.StatusBefore, e.StatusAfter, e.TaskId, e.Data)).ToListAsync(http.RequestAborted);
        var state = await runtime.GetStateAsync(request.WorkflowInstanceId, http.RequestAborted);
        return Results.Ok(new RequestDetails(Summary(request), request.Data, request.Revision, request.PolicyChecks, request.QuotaStanding, request.WorkflowInstanceId,
            state is null ? "Unknown" : $"{state.Status}/{state.SubStatus}",
            tasks.Where(t => t.Status is HumanTaskStatus.Completed).Select(Stage).ToList(),
            tasks.Where(t => t.Status is HumanTaskStatus.Open or HumanTaskStatus.Claimed).Select(Stage).ToList(),
            attachments, audit));
    }

    private static async Task<IResult> WithdrawAsync(string id, WithdrawBody? body, HttpContext http, RequestService requests, RequestAccess access)
    {
        var request = await access.FindVisibleRequestAsync(http.User.UserId(), id, http.RequestAborted);
        if (request is null) return NotFound(id);
        var withdrawn = await requests.WithdrawAsync(id, http.User.UserId(), body?.Reason, http.RequestAborted);
        return Results.Ok(Summary(withdrawn));
    }

    private static async Task<IResult> ResubmitAsync(string id, ResubmitBody body, HttpContext http, RequestService requests, RequestAccess access, ApprovalsDbContextFactory factory, TaskService tasks)
    {
        var request = await access.FindVisibleRequestAsync(http.User.UserId(), id, http.RequestAborted);
        if (request is null) return NotFound(id);
        if (body.Data is null) return Results.ValidationProblem(new Dictionary<string, string[]> { ["data"] = ["is required"] });
        await using var db = factory.Create();
        // The open revise task; or, for a repeated operationId, the one it already resubmitted (the repeat answers as the first did).
        var revise = await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.RequestId == id && t.Kind == "revise" && (t.Status == HumanTaskStatus.Open || t.Status == HumanTaskStatus.Claimed), http.RequestAborted)
            ?? (body.OperationId is null ? null
                : await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.RequestId == id && t.Kind == "revise" && t.OperationId == body.OperationId, http.RequestAborted));
        if (revise is null) return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict.", detail: "The request is not waiting for a revision.");
        await tasks.DecideAsync(revise.Id, http.User.UserId(), "Resubmitted", null, body.OperationId ?? Guid.NewGuid().ToString("N"),
            new JsonObject { ["data"] = body.Data.DeepClone() }, cancellationToken: http.RequestAborted);
        return Results.Ok(Summary(await requests.GetAsync(id, http.RequestAborted)));
    }

    private static async Task<IResult> UploadAsync(string id, HttpContext http, RequestService requests, RequestAccess access, AttachmentStore store, IOptions<AttachmentLimits> limits)
    {
        var request = await access.FindVisibleRequestAsync(http.User.UserId(), id, http.RequestAborted);
        if (request is null) return NotFound(id);
        // The form is read here, not bound, so an upload far over the limit is refused by its length before any of it is read.
        if (http.Request.ContentLength > limits.Value.MaxBytes + FormOverhead) return TooLarge(limits.Value);
        if (!http.Request.HasFormContentType)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["is required (multipart/form-data)"] });
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
        if (file is null) return Results.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["is required (multipart/form-data)"] });
        if (file.Length > limits.Value.MaxBytes)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [$"The file is {file.Length:N0} bytes; at most {limits.Value.MaxBytes:N0} are accepted."] });
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, http.RequestAborted);
        var field = form.TryGetValue("field", out var f) ? f.ToString() : null;
        var attachment = await store.AddAsync(id, file.FileName, buffer.ToArray(), field, http.User.UserId(), limits.Value, http.RequestAborted);
        return Results.Created($"/api/requests/{id}/attachments/{attachment.Id}",
            new AttachmentInfo(attachment.Id, attachment.FileName, attachment.ContentType, attachment.Size, attachment.Field, attachment.UploadedBy, attachment.UploadedAt));
    }

    /// <summary>The pages' download links: the same file for a signed-in browser (cookie), to whoever may see the request.</summary>
    public static void MapAttachmentDownload(this IEndpointRouteBuilder app) =>
        app.MapGet("/requests/{id}/attachments/{attachmentId}", DownloadAsync).RequireAuthorization().ExcludeFromDescription();

    private static async Task<IResult> DownloadAsync(string id, string attachmentId, HttpContext http, RequestService requests, RequestAccess access, AttachmentStore store)
    {
        var request = await access.FindVisibleRequestAsync(http.User.UserId(), id, http.RequestAborted);
        if (request is null) return NotFound(id);
        var attachment = await store.GetAsync(id, attachmentId, http.RequestAborted);
        if (attachment is null) return NotFound(attachmentId);
        // Served as the type the server determines (never the uploader's), and shown in the browser only for a verified PDF or image.
        var (type, inline) = AttachmentFile.TypeOf(attachment.FileName, attachment.Content);
        if (!inline) return Results.File(attachment.Content, type, attachment.FileName);
        http.Response.Headers.ContentDisposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("inline") { FileNameStar = attachment.FileName }.ToString();
        // Shown inside our own pages (the preview) and nowhere else; the file itself may run nothing.
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'";
        return Results.File(attachment.Content, type);
    }

    /// <summary>Room for the multipart framing and the other form fields around the file.</summary>
    private const long FormOverhead = 64 * 1024;

    private static IResult TooLarge(AttachmentLimits limits) => Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The upload is too large.",
        detail: limits.TooLarge);

    private static IResult NotFound(string id) => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: $"'{id}' was not found.");

    internal static RequestSummary Summary(Request r) => new(r.Id, r.Number, r.Type, r.Title, r.UnitId, r.ApplicantId, r.State.ToString(), r.Status, r.StatusEn,
        r.DocumentNumber, r.OverQuota, r.CreatedAt, r.UpdatedAt);

    private static StageEntry Stage(HumanTask t) => new(t.Id, t.ActivityId, t.Title, t.Status.ToString(), t.Outcome, t.Comment, t.ActedBy, t.OnBehalfOf, t.CreatedAt, t.CompletedAt, t.DueAt, t.IsOverdue);
}
