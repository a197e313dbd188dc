using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace Approvals.Engine.Models;

internal static class InputBindingReader
{
    /// <summary>Reads <c>{typeName, expression:{type, value}}</c>; any other shape is not a wrapped input.</summary>
    public static bool TryRead(string jsonName, JsonObject o, [NotNullWhen(true)] out InputBinding? binding)
    {
        binding = null;
        if (o["expression"] is not JsonObject e) return false;
        var type = e["type"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : WorkflowExpression.Literal;
        var typeName = o["typeName"] is JsonValue tn && tn.TryGetValue<string>(out var n) ? n : null;
        binding = new InputBinding(jsonName, typeName, new WorkflowExpression(type, e["value"]?.DeepClone()));
        return true;
    }
}
