using Approvals.Engine.Descriptors;
using Approvals.Engine.Models;
using Approvals.Engine.Persistence;

namespace Approvals.Host.Endpoints.Elsa.Descriptors;

/// <summary>Activity descriptors in the shape Elsa Studio's palette and input editors read.</summary>
internal static class ActivityDescriptorShapes
{
    /// <summary>
    /// A published workflow as a palette entry: its inputs, outputs and outcomes; dropping it writes its definition id into the node.
    /// </summary>
    public static object DescribeWorkflow(WorkflowDefinitionRecord record, WorkflowDefinitionDocument document)
    {
        var reference = WorkflowReference.Of(document);
        return new
        {
            typeName = WorkflowReference.TypeNameOf(record.Name ?? record.DefinitionId),
            @namespace = "Workflows",
            name = WorkflowReference.TypeNameOf(record.Name ?? record.DefinitionId),
            version = record.Version,
            category = "Workflows",
            displayName = record.Name ?? record.DefinitionId,
            description = record.Description,
            kind = "Action",
            inputs = reference.Inputs.Select((name, index) => new
            {
                name, typeName = "Object", displayName = name, description = (string?)null, order = (float)index,
                isBrowsable = true, isWrapped = true,
                uiHint = UIHints.SingleLine, category = "Input", defaultValue = (object?)null, defaultSyntax = "Literal",
                isReadOnly = false, isSensitive = false,
                storageDriverType = (string?)null, uiSpecifications = (object?)null,
            }),
            outputs = reference.Outputs.Select(name => new { name, typeName = "Object", displayName = name,
                description = (string?)null, isBrowsable = true }),
            ports = reference.Ports.Select(p => new { name = p, displayName = p, type = "Flow", isBrowsable = true }),
            customProperties = new Dictionary<string, object> { ["RootType"] = "WorkflowDefinitionActivity",
                ["WorkflowDefinitionId"] = record.DefinitionId },
            constructionProperties = new Dictionary<string, object>
            {
                ["WorkflowDefinitionId"] = record.DefinitionId,
                ["WorkflowDefinitionVersionId"] = record.Id,
                ["LatestAvailablePublishedVersion"] = record.Version,
                ["LatestAvailablePublishedVersionId"] = record.Id,
            },
            isContainer = false,
            isBrowsable = true,
            isStart = false,
            isTerminal = false,
        };
    }

    public static object Describe(ActivityDescriptor d) => new
    {
        typeName = d.TypeName,
        @namespace = d.Namespace,
        name = d.Name,
        version = d.Version,
        category = d.Category,
        displayName = d.DisplayName,
        description = d.Description,
        kind = d.Kind.ToString(),
        inputs = d.Inputs.Select((i, index) => new
        {
            name = i.Name,
            typeName = i.TypeName,
            displayName = i.DisplayName,
            description = i.Description,
            order = (float)(i.Order == 0 ? index : i.Order),
            isBrowsable = true,
            isWrapped = i.IsWrapped,
            uiHint = i.UIHint,
            category = i.Category ?? "General",
            defaultValue = i.DefaultValue,
            defaultSyntax = i.DefaultSyntax,
            isReadOnly = false,
            isSensitive = i.IsSensitive,
            storageDriverType = (string?)null,
            uiSpecifications = i.Options is null ? null : new Dictionary<string, object>
            {
                ["dropdown"] = new { selectList = new { items = i.Options.Select(o => new { text = o, value = o }), isFlagsEnum = false } },
            },
        }),
        outputs = d.Outputs.Select(o => new { name = o.Name, typeName = o.TypeName, displayName = o.DisplayName,
            description = o.Description, isBrowsable = true }),
        // A container's body is an embedded port the studio lets you design inside it.
        ports = d.Ports.Select(p => new { name = p, displayName = p, type = "Flow", isBrowsable = true })
            .Concat(d.RunsBody && !d.IsContainer
                ? [new { name = "Body", displayName = "Body", type = "Embedded", isBrowsable = true }] : []),
        customProperties = new Dictionary<string, object>(),
        constructionProperties = new Dictionary<string, object>(),
        isContainer = d.IsContainer,
        isBrowsable = d.IsBrowsable,
        isStart = d.IsStart,
        isTerminal = d.IsTerminal,
    };
}
