using Approvals.Engine.Definitions;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Expressions;

namespace Approvals.Host.Endpoints.Elsa;

/// <summary>The descriptor endpoints Elsa Studio reads to build its palette and input editors.</summary>
internal static class ElsaDescriptorsApi
{
    public static void MapElsaDescriptors(this RouteGroupBuilder elsa)
    {
        elsa.MapGet("/package/version", () => Results.Ok(new { packageVersion = "3.8.2" }));
        elsa.MapGet("/features/installed", () => Results.Ok(new { items = Array.Empty<object>(), count = 0 }));
        elsa.MapGet("/features/installed/{name}", (string name) => Results.NotFound());
        elsa.MapGet("/descriptors/activities", async (ActivityRegistry registry, WorkflowDefinitionStore store,
            CancellationToken cancellationToken) =>
        {
            var items = registry.All.OrderBy(d => d.Category).ThenBy(d => d.DisplayName).Select(Describe).ToList();
            // Published workflows usable as activities join the palette under "Workflows", as in Elsa.
            foreach (var record in await store.ListPublishedAsync(cancellationToken))
            {
                var document = WorkflowDefinitionStore.ToDocument(record);
                if (document.UsableAsActivity) items.Add(DescribeWorkflow(record, document));
            }
            return Results.Ok(new { items, count = items.Count });
        });
        elsa.MapGet("/descriptors/expression-descriptors", () =>
        {
            var items = new[]
            {
                Expression("Literal", "Literal", null, true),
                Expression("Object", "Object", "json", true),
                Expression("Variable", "Variable", null, false),
                Expression("JavaScript", "JavaScript", "javascript", true),
                Expression("Liquid", "Liquid", "liquid", true),
            };
            return Results.Ok(new { items, count = items.Length });
        });
        elsa.MapGet("/descriptors/variables", () =>
        {
            var items = new[] { "String", "Boolean", "Int32", "Int64", "Double", "Decimal", "DateTimeOffset",
                "TimeSpan", "Object", "String[]" }
                .Select(t => new { typeName = t, displayName = t, category = "Primitives", description = (string?)null }).ToList();
            return Results.Ok(new { items, count = items.Count });
        });
        elsa.MapGet("/descriptors/storage-drivers", () => Results.Ok(new
        {
            items = new[] { new { typeName = "Elsa.Workflows.WorkflowInstanceStorageDriver, Elsa.Workflows.Core",
                displayName = "Workflow instance", priority = 0, deprecated = false } },
        }));
        foreach (var empty in new[] { "/descriptors/workflow-activation-strategies", "/descriptors/incident-strategies",
            "/descriptors/log-persistence-strategies",
                     "/descriptors/commit-strategies/workflows", "/descriptors/commit-strategies/activities",
                     "/descriptors/output-converters", "/resilience/strategies" })
            elsa.MapGet(empty, () => Results.Ok(new { items = Array.Empty<object>(), count = 0 }));
        elsa.MapPost("/scripting/javascript/type-definitions/{definitionId}", async (string definitionId, WorkflowDefinitionStore store,
            CancellationToken cancellationToken) =>
            Results.Text(await ScriptDeclarationsAsync(definitionId, store, cancellationToken), "application/x-typescript"));
    }

    /// <summary>The functions scripts may call, with the definition's own accessors, for the studio's script editor.</summary>
    private static async Task<string> ScriptDeclarationsAsync(string definitionId, WorkflowDefinitionStore store,
        CancellationToken cancellationToken)
    {
        var text = new System.Text.StringBuilder();
        foreach (var function in new[]
                 {
                     "getInput(name: string): any", "getVariable(name: string): any", "setVariable(name: string, value: any): void",
                     "getWorkflowInstanceId(): string",
                     "getWorkflowDefinitionId(): string", "getCorrelationId(): string", "setCorrelationId(value: string): void",
                     "getLastResult(): any",
                     "getOutputFrom(activity: string, output: string): any", "isNullOrEmpty(value: any): boolean",
                     "isNullOrWhiteSpace(value: any): boolean",
                     "toJson(value: any): string", "jsonParse(text: string): any", "newGuid(): string", "newShortGuid(): string",
                     "stringToBase64(text: string): string", "stringFromBase64(text: string): string",
                 })
            text.Append("declare function ").Append(function).Append(";\n");
        if (await store.FindAsync(definitionId, Engine.Models.DefinitionVersionOptions.Latest, cancellationToken) is { } record)
        {
            var document = WorkflowDefinitionStore.ToDocument(record);
            foreach (var variable in document.Variables.Where(v => ScriptAccessors.IsIdentifier(v.Name)))
            {
                foreach (var get in ScriptAccessors.VariableGetters(variable.Name)) text.Append($"declare function {get}(): any;\n");
                foreach (var set in ScriptAccessors.VariableSetters(variable.Name))
                    text.Append($"declare function {set}(value: any): void;\n");
            }
            foreach (var input in document.InputNames.Where(ScriptAccessors.IsIdentifier))
                text.Append($"declare function {ScriptAccessors.InputGetter(input)}(): any;\n");
        }
        return text.ToString();
    }

    /// <summary>
    /// A published workflow as a palette entry: its inputs, outputs and outcomes; dropping it writes its definition id into the node.
    /// </summary>
    private static object DescribeWorkflow(Engine.Persistence.WorkflowDefinitionRecord record,
        Engine.Models.WorkflowDefinitionDocument document)
    {
        var reference = Engine.Models.WorkflowReference.Of(document);
        return new
        {
            typeName = Engine.Models.WorkflowReference.TypeNameOf(record.Name ?? record.DefinitionId),
            @namespace = "Workflows",
            name = Engine.Models.WorkflowReference.TypeNameOf(record.Name ?? record.DefinitionId),
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

    private static object Expression(string type, string displayName, string? language, bool browsable) => new
    {
        type,
        displayName,
        isSerializable = true,
        isBrowsable = browsable,
        properties = language is null ? new Dictionary<string, object>() : new Dictionary<string, object> { ["MonacoLanguage"] = language },
    };

    internal static object Describe(ActivityDescriptor d) => new
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
