using System.Text.Json.Nodes;
using Approvals.Engine.Contracts;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;

namespace Approvals.Engine.Activities.Http;

/// <summary>
/// An HTTP route under the host's workflow base path (Elsa's default <c>/workflows</c>). As a trigger that can start the workflow,
/// each matching request starts an instance; inside a flow it waits for the next request to its route. Its outputs are the
/// request: route values, query, headers and the parsed body.
/// </summary>
[Activity("Elsa", "HttpEndpoint", "HTTP", DisplayName = "HTTP Endpoint", Description = "Handles an HTTP request to a route.",
    Kind = ActivityKind.Trigger)]
public sealed class HttpEndpoint : Activity
{
    public const string TypeName = "Elsa.HttpEndpoint";
    public const string BookmarkName = "Elsa.HttpEndpoint";

    [Input(Description = "The route, relative to the workflow base path; {name} marks a route value (/orders/{id}).", Required = true)]
    public string Path { get; set; } = "";

    [Input(DisplayName = "Supported methods", Description = "The HTTP methods it answers.", UIHint = UIHints.CheckList,
        Options = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"], DefaultValue = "[\"GET\"]")]
    public string[] SupportedMethods { get; set; } = ["GET"];

    [Input(Description = "Only callers with a bearer token (from /api/auth/token) may call it.")]
    public bool Authorize { get; set; }

    [Input(Description = "The authorization policy the caller must satisfy (with Authorize).")]
    public string? Policy { get; set; }

    [Output(DisplayName = "Parsed content",
        Description = "The request body: JSON as an object, form fields as an object, anything else as text.")]
    public object? ParsedContent { get; set; }

    [Output(DisplayName = "Route data", Description = "The route values.")]
    public object? RouteData { get; set; }

    [Output(DisplayName = "Query string data", Description = "The query string values.")]
    public object? QueryStringData { get; set; }

    [Output(Description = "The request headers.")]
    public object? Headers { get; set; }

    [Output(Description = "Method, path, query and headers of the request.")]
    public object? Result { get; set; }

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        if (context.IsTriggerStart) return ResumeAsync(context);
        foreach (var method in SupportedMethods.DefaultIfEmpty("GET"))
            context.CreateBookmark(BookmarkName, KeyOf(method, Path), new JsonObject
            {
                ["method"] = method.ToUpperInvariant(),
                ["path"] = Normalize(Path),
                ["authorize"] = Authorize,
                ["policy"] = Policy,
            });
        return ValueTask.CompletedTask;
    }

    public override ValueTask ResumeAsync(ActivityExecutionContext context)
    {
        var request = context.ResumeInput ?? [];
        ParsedContent = request["body"]?.DeepClone();
        RouteData = request["routeData"]?.DeepClone() ?? new JsonObject();
        QueryStringData = request["query"]?.DeepClone() ?? new JsonObject();
        Headers = request["headers"]?.DeepClone() ?? new JsonObject();
        Result = new JsonObject { ["method"] = request["method"]?.DeepClone(), ["path"] = request["path"]?.DeepClone(),
            ["query"] = request["query"]?.DeepClone() };
        context.Complete();
        return ValueTask.CompletedTask;
    }

    /// <summary>The stimulus key of a waiting endpoint: method and normalised path.</summary>
    public static string KeyOf(string method, string path) => $"{method.ToUpperInvariant()} {Normalize(path)}";

    /// <summary>A path with one leading slash, no trailing slash, lower case (routes match case-insensitively).</summary>
    public static string Normalize(string path) => "/" + path.Trim().Trim('/').ToLowerInvariant();
}
