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
        var services = new ServiceCollection().AddLogging().AddWorkflowEngine(configure: null, activities: Approvals.Activities.ApprovalActivities.Register).BuildServiceProvider();
        var validator = services.GetRequiredService<WorkflowValidator>();
        var failed = 0;
        foreach (var file in files)
        {
            if (!File.Exists(CallerPath.Resolve(file)))
            {
                await output.WriteLineAsync($"{file}: file not found");
                failed++;
                continue;
            }
            var read = DefinitionReader.Read(await File.ReadAllTextAsync(CallerPath.Resolve(file)));
            var problems = read.Document is null ? read.Problems : read.Problems.Concat(validator.Validate(read.Document)).ToList();
            if (problems.Count == 0)
            {
                await output.WriteLineAsync($"{file}: OK{(read.WasElsa2 ? " (Elsa 2 export, converted)" : "")}");
                continue;
            }
            failed++;
            await output.WriteLineAsync($"{file}: {problems.Count} problem{(problems.Count == 1 ? "" : "s")}{(read.WasElsa2 ? " (Elsa 2 export, converted)" : "")}");
            foreach (var problem in problems)
                await output.WriteLineAsync(problem.Line is not null ? $"  {file}:{problem.Line}:{problem.Column}: {problem.Message}" : $"  {problem}");
        }
        return failed == 0 ? 0 : 1;
    }
}
