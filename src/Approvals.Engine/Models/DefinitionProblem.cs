namespace Approvals.Engine.Models;

/// <summary>
/// One problem found in a workflow definition. <see cref="Path"/> is a JSON path into the document
/// (e.g. <c>root.activities[3].condition</c>); <see cref="Line"/>/<see cref="Column"/> are 1-based and set
/// for syntax errors.
/// </summary>
public sealed record DefinitionProblem(
    string Code,
    string Message,
    string? Path = null,
    string? ActivityId = null,
    string? ActivityType = null,
    int? Line = null,
    int? Column = null)
{
    /// <summary>
    /// Something Elsa itself lets pass (an unreachable activity, a port the activity lacks): reported, never blocking a save or publish.
    /// </summary>
    public bool IsWarning { get; init; }

    public override string ToString()
    {
        var where = Line is not null ? $"line {Line}, column {Column}: " : Path is not null ? $"{Path}: " : "";
        return $"{(IsWarning ? "warning: " : "")}{where}{Message}";
    }
}
