using Approvals.Engine.Definitions;
using Approvals.Engine.Extensions;
using Approvals.Engine.Serialization;
using Approvals.Engine.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace Approvals.Host.Cli;

/// <summary><c>workflows validate &lt;file&gt;...</c>: prints OK or every problem per file; exits 1 when any file has a problem.</summary>
internal static class WorkflowsCommand
{
    public static async Task<int> ValidateAsync(IReadOnlyList<string> files, TextWriter output, TextWriter error)
    {
        if (files.Count == 0)
        {
            await error.WriteLineAsync("usage: workflows validate <file>...");
            return 2;
        }
        var services = new ServiceCollection().AddLogging().AddWorkflowEngine(configure: null,
            activities: Approvals.Activities.ApprovalActivities.Register).BuildServiceProvider();
        var validator = services.GetRequiredService<WorkflowValidator>();
        var failed = 0;
        var read = new List<(string File, DefinitionReadResult? Read)>();
        foreach (var file in files)
            read.Add((file, File.Exists(CallerPath.Resolve(file))
                ? DefinitionReader.Read(await File.ReadAllTextAsync(CallerPath.Resolve(file))) : null));
        // Files given together may use each other as activities (a parent and its children).
        var references = new WorkflowReferences(read.Select(r => r.Read?.Document)
            .OfType<Approvals.Engine.Models.WorkflowDefinitionDocument>()
            .Select(Approvals.Engine.Models.WorkflowReference.Of));
        foreach (var (file, definition) in read)
        {
            if (definition is null)
            {
                await output.WriteLineAsync($"{file}: file not found");
                failed++;
                continue;
            }
            var problems = definition.Document is null ? definition.Problems
                : definition.Problems.Concat(validator.Validate(definition.Document, references)).ToList();
            var errors = problems.Count(p => !p.IsWarning);
            var warnings = problems.Count - errors;
            var converted = definition.WasElsa2 ? " (Elsa 2 export, converted)" : "";
            if (errors == 0) await output.WriteLineAsync(
                $"{file}: OK{converted}{(warnings > 0 ? $", {warnings} warning{(warnings == 1 ? "" : "s")}" : "")}");
            else
            {
                failed++;
                await output.WriteLineAsync($"{file}: {errors} problem{(errors == 1 ? "" : "s")}{converted}");
            }
            foreach (var problem in problems.OrderBy(p => p.IsWarning))
                await output.WriteLineAsync(problem.Line is not null ? $"  {file}:{problem.Line}:{problem.Column}: {problem.Message}"
                    : $"  {problem}");
        }
        return failed == 0 ? 0 : 1;
    }
}
