using System.Text.Json.Nodes;

namespace Approvals.Engine.Models;

/// <summary>An Elsa expression: a syntax name (Literal, Object, Variable, JavaScript, Liquid) and its raw value.</summary>
public sealed record WorkflowExpression(string Type, JsonNode? Value)
{
    public const string Literal = "Literal";
    public const string Object = "Object";
    public const string Variable = "Variable";
    public const string JavaScript = "JavaScript";
    public const string Liquid = "Liquid";

    /// <summary>The value as source text (a script, a template, a literal).</summary>
    public string? Text => Value switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => Value.ToJsonString(),
    };

    public static WorkflowExpression LiteralOf(string? text) => new(Literal, text is null ? null : JsonValue.Create(text));
}
