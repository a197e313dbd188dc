using System.Net;
using System.Text.Json.Nodes;
using Approvals.Engine.Contracts;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;
using Approvals.Engine.Expressions;

namespace Approvals.Engine.Activities.Http;

/// <summary>Writes the response to the HTTP request that started (or resumed) the instance.</summary>
[Activity("Elsa", "WriteHttpResponse", "HTTP", DisplayName = "HTTP Response",
    Description = "Writes the response to the current HTTP request.")]
public sealed class WriteHttpResponse : Activity
{
    [Input(DisplayName = "Status code", Description = "OK, Created, NotFound … or a number.", DefaultValue = "OK")]
    public string StatusCode { get; set; } = "OK";

    [Input(Description = "The body: text as it is, anything else as JSON.", UIHint = UIHints.MultiLine)]
    public object? Content { get; set; }

    [Input(DisplayName = "Content type",
        Description = "The body's media type; text/plain for text and application/json otherwise when empty.")]
    public string? ContentType { get; set; }

    [Input(DisplayName = "Response headers", Description = "Extra headers (an object of names and values).", UIHint = UIHints.JsonEditor)]
    public object? ResponseHeaders { get; set; }

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var content = ValueConverter.ToJsonNode(Content);
        var text = content switch
        {
            null => "",
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            _ => content.ToJsonString(),
        };
        var type = string.IsNullOrWhiteSpace(ContentType) ? content is null or JsonValue ? "text/plain" : "application/json" : ContentType;
        var headers = ValueConverter.ToJsonNodeReadingText<JsonObject>(ResponseHeaders) as JsonObject ?? [];
        context.WriteHttpResponse(new JsonObject
        {
            ["status"] = StatusOf(StatusCode),
            ["contentType"] = type,
            ["content"] = text,
            ["headers"] = headers.DeepClone(),
        });
        context.Complete();
        return ValueTask.CompletedTask;
    }

    /// <summary>A status code from its name (<c>OK</c>, <c>NotFound</c>) or number.</summary>
    public static int StatusOf(string code)
    {
        if (int.TryParse(code, out var number) && number is >= 100 and <= 599) return number;
        if (Enum.TryParse<HttpStatusCode>(code, ignoreCase: true, out var named)) return (int)named;
        throw new ExpressionFaultException($"'{code}' is not an HTTP status code.");
    }
}
