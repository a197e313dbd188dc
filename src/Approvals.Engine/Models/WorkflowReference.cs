using System.Text;

namespace Approvals.Engine.Models;

/// <summary>
/// What a workflow that uses another as an activity needs to know of it: its id, whether it is published, its ports and outputs.
/// </summary>
public sealed record WorkflowReference(
    string DefinitionId,
    string? Name,
    bool IsPublished,
    bool UsableAsActivity,
    IReadOnlyList<string> Outcomes,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> Outputs)
{
    public static WorkflowReference Of(WorkflowDefinitionDocument document) => new(
        document.DefinitionId ?? document.Name ?? "",
        document.Name,
        document.IsPublished,
        document.UsableAsActivity,
        document.Outcomes,
        document.InputNames,
        document.OutputNames);

    /// <summary>The activity type Elsa gives a workflow used as an activity: its name without spaces.</summary>
    public static string TypeNameOf(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
            if (!char.IsWhiteSpace(c)) builder.Append(c);
        return builder.ToString();
    }

    /// <summary>The ports of the activity: its outcomes, or Done.</summary>
    public IReadOnlyList<string> Ports => Outcomes.Count > 0 ? [.. Outcomes, "Done"] : ["Done"];
}
