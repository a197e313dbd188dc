using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;

namespace Approvals.Host.Endpoints.HttpWorkflows;

/// <summary>
/// An HTTP request as a workflow sees it: method, path, route values, query, headers and the parsed body. Credentials
/// (Authorization, Cookie) are left out, so they never reach an instance's state or journal.
/// </summary>
internal static class HttpRequestInput
{
    private static readonly HashSet<string> Secret = new(StringComparer.OrdinalIgnoreCase) { "Authorization",
        "Cookie", "Proxy-Authorization" };

    /// <summary>Thrown when the body is larger than allowed.</summary>
    public sealed class TooLargeException(long limit) : Exception($"The request body is larger than {limit:N0} bytes.");

    public static async Task<JsonObject> ReadAsync(HttpRequest request, string path, IReadOnlyDictionary<string, object?> routeValues,
        long maxBodyBytes,
        CancellationToken cancellationToken)
    {
        var query = new JsonObject();
        foreach (var (key, values) in request.Query)
            query[key] = values.Count == 1 ? values[0] : new JsonArray(values.Select(v => (JsonNode?)v).ToArray());
        var headers = new JsonObject();
        foreach (var (key, values) in request.Headers)
            if (!Secret.Contains(key)) headers[key] = values.ToString();
        var route = new JsonObject();
        foreach (var (key, value) in routeValues) route[key] = value?.ToString();
        return new JsonObject
        {
            ["method"] = request.Method,
            ["path"] = path,
            ["routeData"] = route,
            ["query"] = query,
            ["headers"] = headers,
            ["body"] = await BodyAsync(request, maxBodyBytes, cancellationToken),
        };
    }

    private static async Task<JsonNode?> BodyAsync(HttpRequest request, long maxBodyBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength is > 0 and var length && length > maxBodyBytes) throw new TooLargeException(maxBodyBytes);
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var fields = new JsonObject();
            foreach (var (key, values) in form) fields[key] = values.Count == 1 ? values[0]
                : new JsonArray(values.Select(v => (JsonNode?)v).ToArray());
            return fields;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBodyBytes) throw new TooLargeException(maxBodyBytes);
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0) return null;
        var text = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        if (request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                return JsonNode.Parse(text);
            }
            catch (JsonException ex)
            {
                throw new BadHttpRequestException($"The request body is not valid JSON: {ex.Message}");
            }
        }
        return JsonValue.Create(text);
    }
}
