using Approvals.Activities.Access;
using Approvals.Activities.Requests;
using Microsoft.Extensions.Options;

namespace Approvals.Host.Endpoints.Requests;

/// <summary>
/// <c>POST /api/requests/{id}/attachments</c>: a file (multipart) added to a request the caller may see, within the limits.
/// </summary>
internal static class UploadAttachment
{
    /// <summary>Room for the multipart framing and the other form fields around the file.</summary>
    private const long FormOverhead = 64 * 1024;

    public static void Map(RouteGroupBuilder requests) => requests.MapPost("/{id}/attachments", HandleAsync);

    private static async Task<IResult> HandleAsync(string id, HttpContext http, RequestAccess access, AttachmentStore store,
        IOptions<AttachmentLimits> limits)
    {
        var request = await access.FindVisibleRequestAsync(http.User.UserId(), id, http.RequestAborted);
        if (request is null) return RequestEndpoints.NotFound(id);
        // The form is read here, not bound, so an upload far over the limit is refused by its length before any of it is read.
        if (http.Request.ContentLength > limits.Value.MaxBytes + FormOverhead)
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The upload is too large.",
                detail: limits.Value.TooLarge);
        if (!http.Request.HasFormContentType) return FileRequired();
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
        if (file is null) return FileRequired();
        if (file.Length > limits.Value.MaxBytes)
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["file"] = [$"The file is {file.Length:N0} bytes; at most {limits.Value.MaxBytes:N0} are accepted."],
            });
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, http.RequestAborted);
        var field = form.TryGetValue("field", out var f) ? f.ToString() : null;
        var attachment = await store.AddAsync(id, file.FileName, buffer.ToArray(), field, http.User.UserId(), limits.Value,
            http.RequestAborted);
        return Results.Created($"/api/requests/{id}/attachments/{attachment.Id}", AttachmentInfo.Of(attachment));
    }

    private static IResult FileRequired() =>
        Results.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["is required (multipart/form-data)"] });
}
