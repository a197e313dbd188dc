using Approvals.Engine.Models;

namespace Approvals.Engine.Serialization;

/// <summary>
/// The outcome of reading definition text: the document (Elsa 3, or converted from Elsa 2) or the problems that stopped it.
/// </summary>
public sealed record DefinitionReadResult(WorkflowDefinitionDocument? Document, IReadOnlyList<DefinitionProblem> Problems, bool WasElsa2);

public static class DefinitionReader
{
    /// <summary>Parses an Elsa 3 definition or an Elsa 2 export.</summary>
    public static DefinitionReadResult Read(string text)
    {
        var problems = new List<DefinitionProblem>();
        var json = DefinitionJson.Parse(text, problems);
        if (json is null) return new DefinitionReadResult(null, problems, false);
        if (IsElsa1(json))
        {
            problems.Add(new DefinitionProblem("elsa1",
                "This is an Elsa 1 export (activities with 'state', connections with 'destination'), which cannot be imported: " +
                "open it in Elsa 2 and export it again, or rebuild it in the designer.", "activities"));
            return new DefinitionReadResult(null, problems, false);
        }
        if (Elsa2Importer.IsElsa2(json)) return new DefinitionReadResult(Elsa2Importer.Import(json), problems, true);
        if (json["root"] is null)
            problems.Add(new DefinitionProblem("format-unknown",
                "This is neither an Elsa 3 definition (no 'root') nor an Elsa 2 export (no 'activities' and 'connections').", "$"));
        return new DefinitionReadResult(problems.Count == 0 ? new WorkflowDefinitionDocument(json) : null, problems, false);
    }

    /// <summary>
    /// Elsa 1 kept activity settings in <c>state</c> and wrote connections as <c>source.activityId</c> → <c>destination.activityId</c>.
    /// </summary>
    private static bool IsElsa1(System.Text.Json.Nodes.JsonObject json) =>
        json["root"] is null
        && ((json["activities"] as System.Text.Json.Nodes.JsonArray)?.Any(a => a?["state"] is System.Text.Json.Nodes.JsonObject) == true
            || (json["connections"] as System.Text.Json.Nodes.JsonArray)?.Any(c => c?["destination"] is not null) == true);
}
