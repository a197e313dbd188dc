namespace Approvals.Engine.Expressions;

/// <summary>The names of the functions Elsa generates for scripts: <c>get&lt;Name&gt;()</c>, <c>set&lt;Name&gt;(v)</c>, <c>get&lt;Output&gt;From&lt;Activity&gt;()</c>.</summary>
public static class ScriptAccessors
{
    public static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_' || name[0] == '$') && name.All(c => char.IsLetterOrDigit(c) || c == '_' || c == '$');

    public static string Pascal(string name) => char.ToUpperInvariant(name[0]) + name[1..];

    public static string Getter(string name) => "get" + Pascal(name);

    public static string Setter(string name) => "set" + Pascal(name);

    public static string OutputGetter(string output, string activity) => $"get{Pascal(output)}From{Pascal(activity)}";
}
