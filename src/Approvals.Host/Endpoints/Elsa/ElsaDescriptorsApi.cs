using Approvals.Engine.Descriptors;

namespace Approvals.Host.Endpoints.Elsa;

/// <summary>The descriptor endpoints Elsa Studio reads to build its palette and input editors.</summary>
internal static class ElsaDescriptorsApi
{
    public static void MapElsaDescriptors(this RouteGroupBuilder elsa)
    {
        elsa.MapGet("/package/version", () => Results.Ok(new { packageVersion = "3.8.2" }));
        elsa.MapGet("/features/installed", () => Results.Ok(new { items = Array.Empty<object>(), count = 0 }));
        elsa.MapGet("/features/installed/{name}", (string name) => Results.NotFound());
        elsa.MapGet("/descriptors/activities", (ActivityRegistry registry) =>
        {
            var items = registry.All.OrderBy(d => d.Category).ThenBy(d => d.DisplayName).Select(Describe).ToList();
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
            var items = new[] { "String", "Boolean", "Int32", "Int64", "Double", "Decimal", "DateTimeOffset", "TimeSpan", "Object", "String[]" }
                .Select(t => new { typeName = t, displayName = t, category = "Primitives", description = (string?)null }).ToList();
            return Results.Ok(new { items, count = items.Count });
        });
        elsa.MapGet("/descriptors/storage-drivers", () => Results.Ok(new
        {
            items = new[] { new { typeName = "Elsa.Workflows.WorkflowInstanceStorageDriver, Elsa.Workflows.Core", displayName = "Workflow instance", priority = 0, deprecated = false } },
        }));
        foreach (var empty in new[] { "/descriptors/workflow-activation-strategies", "/descriptors/incident-strategies", "/descriptors/log-persistence-strategies",
                     "/descriptors/commit-strategies/workflows", "/descriptors/commit-strategies/activities", "/descriptors/output-converters", "/resilience/strategies" })
            elsa.MapGet(empty, () => Results.Ok(new { items = Array.Empty<object>(), count = 0 }));
        elsa.MapPost("/scripting/javascript/type-definitions/{definitionId}", (string definitionId) =>
            Results.Text("declare function getInput(name: string): any;\ndeclare function getVariable(name: string): any;\ndeclare function setVariable(name: string, value: any): void;\ndeclare function getWorkflowInstanceId(): string;\n", "application/x-typescript"));
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
        outputs = d.Outputs.Select(o => new { name = o.Name, typeName = o.TypeName, displayName = o.DisplayName, description = o.Description, isBrowsable = true }),
        ports = d.Ports.Select(p => new { name = p, displayName = p, type = "Flow", isBrowsable = true }),
        customProperties = new Dictionary<string, object>(),
        constructionProperties = new Dictionary<string, object>(),
        isContainer = d.IsContainer,
        isBrowsable = d.IsBrowsable,
        isStart = d.IsStart,
        isTerminal = d.IsTerminal,
    };
}
