namespace Approvals.Engine.Expressions;

/// <summary>
/// The names of the functions Elsa generates for scripts, in one place for the JavaScript engine that defines them, the
/// validator that accepts calls to them and the studio's script declarations.
/// </summary>
public static class ScriptAccessors
{
    public static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_' || name[0] == '$')
            && name.All(c => char.IsLetterOrDigit(c) || c == '_' || c == '$');

    public static string Pascal(string name) => char.ToUpperInvariant(name[0]) + name[1..];

    /// <summary>A variable's getter names: <c>get&lt;Name&gt;</c>, and <c>get&lt;name&gt;</c> as declared when that differs.</summary>
    public static IEnumerable<string> VariableGetters(string name) => Pascal(name) == name ? ["get" + name]
        : ["get" + Pascal(name), "get" + name];

    /// <summary>A variable's setter names, as <see cref="VariableGetters"/>.</summary>
    public static IEnumerable<string> VariableSetters(string name) => Pascal(name) == name ? ["set" + name]
        : ["set" + Pascal(name), "set" + name];

    /// <summary>A declared input's getter: <c>get&lt;Input&gt;</c>.</summary>
    public static string InputGetter(string name) => "get" + Pascal(name);

    /// <summary>An activity output's getter: <c>get&lt;Output&gt;From&lt;Activity&gt;</c>.</summary>
    public static string OutputGetter(string output, string activity) => $"get{Pascal(output)}From{Pascal(activity)}";
}
