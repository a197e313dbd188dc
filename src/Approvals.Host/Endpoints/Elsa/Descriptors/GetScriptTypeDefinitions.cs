using Approvals.Engine.Definitions;
using Approvals.Engine.Expressions;
using Approvals.Engine.Models;

namespace Approvals.Host.Endpoints.Elsa.Descriptors;

/// <summary>
/// <c>POST /elsa/api/scripting/javascript/type-definitions/{definitionId}</c>: TypeScript declarations of the functions a script
/// may call, with the definition's own variable and input accessors, for the studio's script editor.
/// </summary>
internal static class GetScriptTypeDefinitions
{
    public static void Map(RouteGroupBuilder elsa) =>
        elsa.MapPost("/scripting/javascript/type-definitions/{definitionId}", async (string definitionId, WorkflowDefinitionStore store,
            CancellationToken cancellationToken) =>
            Results.Text(await ScriptDeclarationsAsync(definitionId, store, cancellationToken), "application/x-typescript"));

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
        if (await store.FindAsync(definitionId, DefinitionVersionOptions.Latest, cancellationToken) is { } record)
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
}
