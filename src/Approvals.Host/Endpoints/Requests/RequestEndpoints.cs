namespace Approvals.Host.Endpoints.Requests;

/// <summary>Requests: file, list (only what the caller may see), read with history, withdraw, resubmit, attachments.</summary>
internal static class RequestEndpoints
{
    public static void MapRequestsApi(this RouteGroupBuilder api)
    {
        var requests = api.MapGroup("/requests").WithTags("Requests");
        SubmitRequest.Map(requests);
        ListRequests.Map(requests);
        GetRequest.Map(requests);
        WithdrawRequest.Map(requests);
        ResubmitRequest.Map(requests);
        UploadAttachment.Map(requests);
        DownloadAttachment.Map(requests);
    }

    /// <summary>The pages' download links: the same file for a signed-in browser (cookie), to whoever may see the request.</summary>
    public static void MapAttachmentDownload(this IEndpointRouteBuilder app) =>
        DownloadAttachment.MapForPages(app).RequireAuthorization().ExcludeFromDescription();

    /// <summary>What a caller who may not see a request (or asks for one that does not exist) is told: nothing more than 404.</summary>
    public static IResult NotFound(string id) => NotFoundProblem.For($"'{id}' was not found.");
}
