using Approvals.Activities.Audit;
using Approvals.Activities.Persistence;
using Approvals.Engine.Definitions;
using Approvals.Engine.Execution;
using Approvals.Engine.Models;
using Approvals.Engine.Persistence;

namespace Approvals.Host.Cli;

/// <summary>
/// Verbs that work on the configured database: <c>workflows import &lt;file&gt;... [--draft]</c>,
/// <c>workflows export &lt;definitionId&gt; [--version N]</c>, <c>audit verify</c>, <c>users add-admin &lt;userName&gt; &lt;email&gt;</c>,
/// <c>search rebuild</c> (the inbox's title index, after a <c>VACUUM</c>). Exit codes: 0 done, 1 failed, 2 usage.
/// </summary>
internal static class DatabaseCommands
{
    public static bool Handles(string[] args) =>
        args is ["workflows", "import" or "export", ..] or ["audit", "verify", ..] or ["users", "add-admin", ..]
            or ["search", "rebuild", ..];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var builder = WebApplication.CreateBuilder(args.Where(a => a.StartsWith("--", StringComparison.Ordinal)
            && a.Contains('=')).ToArray());
        // Standard output carries the command's answer (an exported definition); logs go to standard error, warnings only.
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        // The host's start-up hint ("no administrator yet, run users add-admin") is for the web host's log, not a verb's answer.
        builder.Configuration["Logging:LogLevel:Approvals.Host.Demo.DemoSeeder"] = "Error";
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.AddApprovalsHost();
        await using var app = builder.Build();
        await app.PrepareAsync();
        // Positional words: not an option, and not the value of --version.
        var positional = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal)
            && (i == 0 || args[i - 1] != "--version")).ToList();
        return args switch
        {
            ["workflows", "import", ..] => await ImportAsync(app.Services, positional.Skip(2).ToList(),
                args.Contains("--draft"), output, error),
            ["workflows", "export", ..] => await ExportAsync(app.Services, positional.Skip(2).ToList(), args, output, error),
            ["users", "add-admin", ..] => await AdministratorCommand.RunAsync(app.Services, positional.Skip(2).ToList(), output, error),
            ["search", "rebuild", ..] => await RebuildSearchAsync(app.Services, output),
            _ => await VerifyAuditAsync(app.Services, output),
        };
    }

    private static async Task<int> RebuildSearchAsync(IServiceProvider services, TextWriter output)
    {
        var indexed = await services.GetRequiredService<Approvals.Activities.Tasks.TitleIndex>().RebuildAsync();
        await output.WriteLineAsync(indexed is { } count
            ? $"Title index rebuilt from {count} open task{(count == 1 ? "" : "s")}."
            : "PostgreSQL keeps the title index itself; there is nothing to rebuild.");
        return 0;
    }

    private static async Task<int> ImportAsync(IServiceProvider services, IReadOnlyList<string> files, bool draft,
        TextWriter output, TextWriter error)
    {
        if (files.Count == 0)
        {
            await error.WriteLineAsync("usage: workflows import <file>... [--draft]");
            return 2;
        }
        var store = services.GetRequiredService<WorkflowDefinitionStore>();
        var failed = 0;
        foreach (var file in files)
        {
            if (!File.Exists(CallerPath.Resolve(file)))
            {
                await output.WriteLineAsync($"{file}: file not found");
                failed++;
                continue;
            }
            try
            {
                var record = await store.ImportAsync(await File.ReadAllTextAsync(CallerPath.Resolve(file)), publish: !draft);
                await output.WriteLineAsync(
                    $"{file}: {record.DefinitionId} version {record.Version} {(record.IsPublished ? "published" : "saved as a draft")}");
            }
            catch (InvalidDefinitionException ex)
            {
                failed++;
                await output.WriteLineAsync($"{file}: not imported, {ex.Problems.Count} problem{(ex.Problems.Count == 1 ? "" : "s")}");
                foreach (var problem in ex.Problems) await output.WriteLineAsync($"  {problem}");
            }
        }
        return failed == 0 ? 0 : 1;
    }

    private static async Task<int> ExportAsync(IServiceProvider services, IReadOnlyList<string> ids, string[] args,
        TextWriter output, TextWriter error)
    {
        if (ids.Count != 1)
        {
            await error.WriteLineAsync("usage: workflows export <definitionId> [--version N]");
            return 2;
        }
        var store = services.GetRequiredService<WorkflowDefinitionStore>();
        var versionAt = Array.IndexOf(args, "--version");
        WorkflowDefinitionRecord? record;
        if (versionAt >= 0)
        {
            if (versionAt + 1 >= args.Length || !int.TryParse(args[versionAt + 1], out var version))
            {
                await error.WriteLineAsync("--version needs a number");
                return 2;
            }
            record = await store.FindVersionAsync(ids[0], version);
        }
        else record = await store.FindAsync(ids[0], DefinitionVersionOptions.Latest);
        if (record is null)
        {
            await error.WriteLineAsync($"Workflow definition '{ids[0]}'{(versionAt >= 0 ? $" version {args[versionAt + 1]}" : "")} does " +
                "not exist.");
            return 1;
        }
        await output.WriteLineAsync(WorkflowDefinitionStore.ToDocument(record).ToJson());
        return 0;
    }

    private static async Task<int> VerifyAuditAsync(IServiceProvider services, TextWriter output)
    {
        await using var db = services.GetRequiredService<ApprovalsDbContextFactory>().Create();
        var result = await AuditTrail.VerifyAsync(db);
        await output.WriteLineAsync(result.IsIntact ? $"OK: {result.Message}" : $"BROKEN at entry {result.FirstBroken}: {result.Message}");
        return result.IsIntact ? 0 : 1;
    }
}
