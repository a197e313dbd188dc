using System.Text.Json;
using System.Text.Json.Nodes;

namespace Approvals.Activities.Forms;

/// <summary>
/// Finds the strings of a JSON body that are not text: bytes that are not UTF-8, half of a surrogate pair, control
/// characters. A parsed body keeps its strings as raw bytes until read, so a broken one would otherwise surface as a
/// server error at whatever first reads it; this reads every one up front and names each by its path.
/// </summary>
public static class JsonText
{
    public static IReadOnlyList<FormError> Problems(JsonNode? node, string prefix = "")
    {
        var problems = new List<FormError>();
        Walk(node, prefix, problems);
        return problems;
    }

    private static void Walk(JsonNode? node, string path, List<FormError> problems)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o) Walk(child, path.Length == 0 ? key : $"{path}.{key}", problems);
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++) Walk(a[i], $"{path}[{i}]", problems);
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                string text;
                try
                {
                    text = v.GetValue<string>();
                }
                catch (InvalidOperationException ex)
                {
                    problems.Add(new FormError(path, ex.Message.Contains("UTF-8", StringComparison.Ordinal)
                        ? "is not valid UTF-8 text" : "contains a broken character (an unpaired surrogate)"));
                    break;
                }
                if (FormValidator.NotText(text) is { } problem) problems.Add(new FormError(path, problem));
                break;
        }
    }
}
