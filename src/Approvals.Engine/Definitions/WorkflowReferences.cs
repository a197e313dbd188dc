using Approvals.Engine.Models;

namespace Approvals.Engine.Definitions;

/// <summary>
/// The workflows a definition may use as activities, found as Elsa finds them: by the node's <c>workflowDefinitionId</c>,
/// else by type name (the workflow's name without spaces). A published version wins over a draft of the same definition.
/// </summary>
public sealed class WorkflowReferences
{
    private readonly Dictionary<string, WorkflowReference> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WorkflowReference> _byType = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, WorkflowReference> _byName = new(StringComparer.OrdinalIgnoreCase);

    public static readonly WorkflowReferences None = new([]);

    public WorkflowReferences(IEnumerable<WorkflowReference> references)
    {
        foreach (var reference in references)
        {
            if (reference.DefinitionId.Length > 0 && (!_byId.TryGetValue(reference.DefinitionId, out var known) || !known.IsPublished))
                _byId[reference.DefinitionId] = reference;
            if (reference.Name is not { Length: > 0 } name) continue;
            var type = WorkflowReference.TypeNameOf(name);
            var index = reference.UsableAsActivity ? _byType : _byName;
            if (!index.TryGetValue(type, out var same) || !same.IsPublished) index[type] = reference;
        }
    }

    public WorkflowReference? Find(ActivityNode node)
    {
        var id = WorkflowDefinitionDocument.Text(node.GetProperty("workflowDefinitionId"));
        if (id is not null && _byId.TryGetValue(id, out var byId)) return byId;
        if (_byType.TryGetValue(node.Type, out var byType)) return byType;
        // A node that names a definition id we do not hold, whose type is the name of a workflow we do hold: Elsa's type for it.
        return id is not null ? _byName.GetValueOrDefault(node.Type) : null;
    }
}
