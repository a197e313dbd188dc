using Approvals.Activities.Access;
using Approvals.Activities.Requests;

namespace Approvals.Host.Endpoints.Requests;

/// <summary>
/// <c>GET /api/requests/{id}/attachments/{attachmentId}</c> (and the pages' <c>/requests/…</c> link): a request's file, to whoever may
/// see the request.
/// </summary>
internal static class DownloadAttachment
{
    /// <summary>The pages' link, outside the API's group.</summary>
    public static RouteHandlerBuilder MapForPages(IEndpointRouteBuilder routes) =>
        routes.MapGet("/requests/{id}/attachments/{attachmentId}", HandleAsync);

    public static void Map(RouteGroupBuilder requests) => requests.MapGet("/{id}/attachments/{attachmentId}", HandleAsync);

    private static async Task<IResult> HandleAsync(string id, string attachmentId, HttpContext http, RequestAccess access,
        AttachmentStore store)
    {
        var request = await access.FindVisibleRequestAsync(http.User.UserId(), id, http.RequestAborted);
        if (request is null) return RequestEndpoints.NotFound(id);
        var attachment = await store.GetAsync(id, attachmentId, http.RequestAborted);
        if (attachment is null) return RequestEndpoints.NotFound(attachmentId);
        // Served as the type the server determines (never the uploader's), and shown in the browser only for a verified PDF or image.
        var (type, inline) = AttachmentFile.TypeOf(attachment.FileName, attachment.Content);
        if (!inline) return Results.File(attachment.Content, type, attachment.FileName);
        http.Response.Headers.ContentDisposition =
            new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("inline") { FileNameStar = attachment.FileName }.ToString();
        // Shown inside our own pages (the preview) and nowhere else; the file itself may run nothing.
        http.Response.Headers.ContentSecurityPolicy =
            "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'";
        return Results.File(attachment.Content, type);
    }
}
