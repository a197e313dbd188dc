using System.Text.Json.Nodes;
using Approvals.Engine.Activities.Http;
using Approvals.Engine.Models;
using Approvals.Engine.Runtime;
using Approvals.Host.Options;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Approvals.Host.Endpoints.HttpWorkflows;

/// <summary>
/// Requests under the workflow base path (<c>/workflows/…</c>) start the published workflow whose <c>Elsa.HttpEndpoint</c> trigger
/// has that route, or resume instances waiting in an HttpEndpoint for it. The answer is what <c>Elsa.WriteHttpResponse</c> wrote;
/// without one, the instance's id and status. An endpoint marked "authorize" takes a bearer token (and its policy, if set).
/// </summary>
public static class HttpWorkflowEndpoints
{
    public static WebApplication MapHttpWorkflows(this WebApplication app)
    {
        var basePath = "/" + app.Services.GetRequiredService<IOptions<HttpWorkflowOptions>>().Value.BasePath.Trim('/');
        app.Map(basePath + "/{**path}", HandleAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, string? path, HttpEndpointRoutes routes, WorkflowRuntime runtime,
        IAuthorizationService authorization, IOptions<HttpWorkflowOptions> options, CancellationToken cancellationToken)
    {
        var method = http.Request.Method.ToUpperInvariant();
        path = "/" + (path ?? "").Trim('/');
        var matches = await routes.FindAsync(path, method, cancellationToken);
        var match = matches.FirstOrDefault(m => m.MethodAllowed);
        var waiting = match is null ? await runtime.FindBookmarksAsync(HttpEndpoint.BookmarkName,
            HttpEndpoint.KeyOf(method, path), cancellationToken) : [];
        if (match is null && waiting.Count == 0)
        {
            if (matches.Count == 0) return Results.Problem(statusCode: StatusCodes.Status404NotFound,
                title: "No workflow answers this route.", detail: $"{method} {path}");
            return Results.Problem(statusCode: StatusCodes.Status405MethodNotAllowed,
                title: "The workflow's endpoint does not take this method.", detail: $"{method} {path}");
        }

        var authorize = match?.Authorize ?? waiting.Any(b => b.Payload?["authorize"] is JsonValue v && v.GetValue<bool>());
        var policy = match?.Policy ?? waiting.Select(b => b.Payload?["policy"]?.GetValue<string>())
            .FirstOrDefault(p => !string.IsNullOrWhiteSpace(p));
        if (authorize && await RefusalAsync(http, authorization, policy) is { } refused) return refused;

        JsonObject input;
        try
        {
            input = await HttpRequestInput.ReadAsync(http.Request, path, match?.Values ?? new RouteValueDictionary(),
                options.Value.MaxBodyBytes, cancellationToken);
        }
        catch (HttpRequestInput.TooLargeException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request body is too large.",
                detail: ex.Message);
        }
        catch (BadHttpRequestException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request cannot be read.", detail: ex.Message);
        }

        string instanceId;
        if (match is not null)
        {
            instanceId = Guid.CreateVersion7().ToString("N");
            await runtime.StartAsync(match.Starter.Record.DefinitionId, new StartWorkflowOptions
            {
                InstanceId = instanceId,
                Version = match.Starter.Record.Version,
                TriggerActivityId = match.Starter.Node.Id,
                TriggerInput = input,
            }, cancellationToken);
        }
        else
        {
            instanceId = waiting[0].WorkflowInstanceId;
            foreach (var bookmark in waiting)
            {
                try
                {
                    await runtime.ResumeAsync(bookmark.Id, input, cancellationToken);
                }
                catch (Engine.Execution.BookmarkNotFoundException)
                {
                    // Another request resumed it first.
                }
            }
        }
        return await AnswerAsync(runtime, instanceId, cancellationToken);
    }

    private static async Task<IResult?> RefusalAsync(HttpContext http, IAuthorizationService authorization, string? policy)
    {
        var signedIn = await http.AuthenticateAsync(IdentityConstants.BearerScheme);
        if (!signedIn.Succeeded) return Results.Problem(statusCode: StatusCodes.Status401Unauthorized,
            title: "This endpoint needs a bearer token.");
        if (!string.IsNullOrWhiteSpace(policy) && !(await authorization.AuthorizeAsync(signedIn.Principal!, policy)).Succeeded)
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The caller does not satisfy the endpoint's policy.",
                detail: policy);
        return null;
    }

    /// <summary>What WriteHttpResponse wrote; otherwise the instance's status (faulted: 500 with the incident).</summary>
    private static async Task<IResult> AnswerAsync(WorkflowRuntime runtime, string instanceId, CancellationToken cancellationToken)
    {
        var state = await runtime.GetStateAsync(instanceId, cancellationToken);
        if (state?.HttpResponse is { } response) return new WrittenResponse(response);
        if (state is null) return Results.Problem(statusCode: StatusCodes.Status500InternalServerError,
            title: "The workflow instance was not saved.");
        if (state.SubStatus == WorkflowSubStatus.Faulted)
            return Results.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "The workflow faulted.",
                detail: $"Instance {instanceId}: see its incidents.",
                extensions: new Dictionary<string, object?> { ["workflowInstanceId"] = instanceId });
        var summary = new { workflowInstanceId = instanceId, status = state.Status.ToString(),
            subStatus = state.SubStatus.ToString(), output = state.Output };
        return state.Status == WorkflowStatus.Finished ? Results.Ok(summary) : Results.Accepted(value: summary);
    }

    /// <summary>The response a workflow wrote: status, content type, headers, body.</summary>
    private sealed class WrittenResponse(JsonObject response) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = response["status"]?.GetValue<int>() ?? StatusCodes.Status200OK;
            if (response["headers"] is JsonObject headers)
                foreach (var (name, value) in headers)
                    if (value is not null) http.Response.Headers[name] = value is JsonValue v && v.TryGetValue<string>(out var s)
                        ? s : value.ToJsonString();
            http.Response.ContentType = response["contentType"]?.GetValue<string>() ?? "text/plain";
            await http.Response.WriteAsync(response["content"]?.GetValue<string>() ?? "", http.RequestAborted);
        }
    }
}
