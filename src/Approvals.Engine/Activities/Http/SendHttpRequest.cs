using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Approvals.Engine.Contracts;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;
using Approvals.Engine.Expressions;

namespace Approvals.Engine.Activities.Http;

/// <summary>
/// Sends an HTTP request and keeps the response's status, headers and parsed body; a failure to connect or a timeout faults it.
/// </summary>
[Activity("Elsa", "SendHttpRequest", "HTTP", DisplayName = "Send HTTP Request", Description = "Sends an HTTP request.")]
public class SendHttpRequest : Activity
{
    [Input(Description = "The absolute URL.", Required = true)]
    public string Url { get; set; } = "";

    [Input(Description = "The HTTP method.", UIHint = UIHints.Dropdown, Options = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"],
        DefaultValue = "GET")]
    public string Method { get; set; } = "GET";

    [Input(Description = "The body: text as it is, anything else as JSON.", UIHint = UIHints.MultiLine)]
    public object? Content { get; set; }

    [Input(DisplayName = "Content type", Description = "The body's media type.")]
    public string? ContentType { get; set; }

    [Input(Description = "The Authorization header value.", IsSensitive = true)]
    public string? Authorization { get; set; }

    [Input(DisplayName = "Request headers", Description = "Extra headers (an object of names and values).", UIHint = UIHints.JsonEditor)]
    public object? RequestHeaders { get; set; }

    [Input(Description = "How long to wait for the response (00:00:30).", DefaultValue = "00:00:30")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    [Input(DisplayName = "Expected status codes", Description = "Each becomes a port (flow version); others go to 'Unmatched status code'.",
        UIHint = UIHints.MultiText)]
    public int[] ExpectedStatusCodes { get; set; } = [];

    [Output(DisplayName = "Status code", Description = "The response's status code.")]
    public int? StatusCode { get; set; }

    [Output(DisplayName = "Parsed content", Description = "The response body: JSON as an object, anything else as text.")]
    public object? ParsedContent { get; set; }

    [Output(DisplayName = "Response headers", Description = "The response headers.")]
    public object? ResponseHeaders { get; set; }

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new ExpressionFaultException($"'{Url}' is not an absolute http(s) URL.");
        using var request = new HttpRequestMessage(new HttpMethod(string.IsNullOrWhiteSpace(Method) ? "GET"
            : Method.ToUpperInvariant()), uri);
        if (ValueConverter.ToJsonNode(Content) is { } content)
        {
            var text = content is JsonValue v && v.TryGetValue<string>(out var s) ? s : content.ToJsonString();
            var type = ContentType ?? (content is JsonValue ? "text/plain" : "application/json");
            request.Content = new StringContent(text, Encoding.UTF8, MediaTypeHeaderValue.Parse(type).MediaType!);
        }
        if (!string.IsNullOrWhiteSpace(Authorization)) request.Headers.TryAddWithoutValidation("Authorization", Authorization);
        if (ValueConverter.ToJsonNode(RequestHeaders) is JsonObject headers)
            foreach (var (name, value) in headers)
                request.Headers.TryAddWithoutValidation(name, value is JsonValue hv && hv.TryGetValue<string>(out var hs) ? hs
                    : value?.ToJsonString());

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        timeout.CancelAfter(Timeout <= TimeSpan.Zero ? TimeSpan.FromSeconds(30) : Timeout);
        HttpResponseMessage response;
        try
        {
            response = await context.GetRequiredService<OutgoingHttp>().Client.SendAsync(request, timeout.Token);
        }
        catch (OperationCanceledException) when (!context.CancellationToken.IsCancellationRequested)
        {
            OnFailure(context, "Timeout", $"{request.Method} {uri} did not answer within {Timeout}.");
            return;
        }
        catch (HttpRequestException ex)
        {
            OnFailure(context, "Failed to connect", $"{request.Method} {uri} failed: {ex.Message}");
            return;
        }
        using (response)
        {
            StatusCode = (int)response.StatusCode;
            var responseHeaders = new JsonObject();
            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers)) responseHeaders[name] =
                string.Join(", ", values);
            ResponseHeaders = responseHeaders;
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            ParsedContent = ParseBody(body, response.Content.Headers.ContentType?.MediaType);
        }
        OnResponse(context, StatusCode.Value);
    }

    protected virtual void OnResponse(ActivityExecutionContext context, int status) => context.Complete();

    protected virtual void OnFailure(ActivityExecutionContext context, string port, string message) =>
        throw new FaultException(port == "Timeout" ? "http-timeout" : "http-connect", "HTTP", message);

    /// <summary>JSON bodies become objects, others stay text.</summary>
    public static JsonNode? ParseBody(string body, string? mediaType)
    {
        if (body.Length == 0) return null;
        if (mediaType is not null && (mediaType.Contains("json", StringComparison.OrdinalIgnoreCase)))
        {
            try
            {
                return JsonNode.Parse(body);
            }
            catch (System.Text.Json.JsonException)
            {
                // Not the JSON it claims to be: kept as text.
            }
        }
        return JsonValue.Create(body);
    }
}
