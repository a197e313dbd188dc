using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Approvals.Engine.Models;

namespace Approvals.Engine.Serialization;

/// <summary>
/// Parses definition text into JSON, tolerating a UTF-8 byte-order mark and reporting syntax errors with line and column.
/// </summary>
public static class DefinitionJson
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static JsonObject? Parse(string text, List<DefinitionProblem> problems)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(new DefinitionProblem("json-empty", "The document is empty."));
            return null;
        }
        try
        {
            var node = JsonNode.Parse(text, documentOptions: Options);
            if (node is JsonObject o) return o;
            problems.Add(new DefinitionProblem("json-not-object", "The document must be a JSON object.", "$", Line: 1, Column: 1));
            return null;
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var column = ColumnOf(text, line, (int)(ex.BytePositionInLine ?? 0));
            var message = ex.Message;
            var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            if (cut < 0) cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut > 0) message = message[..cut].TrimEnd();
            problems.Add(new DefinitionProblem("json-syntax", $"JSON syntax error: {message}", ex.Path, Line: line, Column: column));
            return null;
        }
    }

    public static JsonObject? Parse(byte[] utf8, List<DefinitionProblem> problems) => Parse(Encoding.UTF8.GetString(utf8), problems);

    /// <summary>Converts a UTF-8 byte offset within a line into a 1-based character column.</summary>
    private static int ColumnOf(string text, int line, int bytePosition)
    {
        var start = 0;
        for (var l = 1; l < line && start < text.Length; l++)
        {
            var nl = text.IndexOf('\n', start);
            if (nl < 0) break;
            start = nl + 1;
        }
        var end = text.IndexOf('\n', start);
        var lineText = end < 0 ? text[start..] : text[start..end];
        var bytes = Encoding.UTF8.GetBytes(lineText);
        var take = Math.Min(bytePosition, bytes.Length);
        return Encoding.UTF8.GetCharCount(bytes, 0, take) + 1;
    }
}
