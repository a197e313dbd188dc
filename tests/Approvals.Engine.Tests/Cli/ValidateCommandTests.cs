using System.Diagnostics;
using Approvals.Engine.Tests.Support;

namespace Approvals.Engine.Tests.Cli;

/// <summary>Runs the host program itself: <c>Approvals.Host workflows validate &lt;file&gt;...</c>.</summary>
public sealed class ValidateCommandTests
{
    private static Task<(int ExitCode, string Output)> RunHostAsync(params string[] args) => RunHostInAsync(null, null, args);

    private static async Task<(int ExitCode, string Output)> RunHostInAsync(string? workingDirectory,
        string? callerDirectory, params string[] args)
    {
        var host = Path.Combine(AppContext.BaseDirectory, "Approvals.Host.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
        if (callerDirectory is not null) start.Environment["PWD"] = callerDirectory;
        start.ArgumentList.Add(host);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output + error);
    }

    [Fact]
    public async Task Valid_files_print_ok_and_exit_zero()
    {
        var (exit, output) = await RunHostAsync("workflows", "validate", Samples.PathOf("v3-timer-workflow.json"),
            Samples.PathOf("v3-fork-decision-join-waitall.json"));

        Assert.Equal(0, exit);
        Assert.Contains("v3-timer-workflow.json: OK", output);
        Assert.Contains("v3-fork-decision-join-waitall.json: OK", output);
    }

    [Fact]
    public async Task Relative_names_are_the_callers_even_when_the_program_runs_in_another_folder()
    {
        // As `dotnet run --project src/Approvals.Host -- workflows validate workflows/*.json` typed at the repository root:
        // the program runs in the project's folder, the names are relative to the folder the command was typed in.
        var caller = Directory.CreateTempSubdirectory("approvals-caller-").FullName;
        Directory.CreateDirectory(Path.Combine(caller, "workflows"));
        File.Copy(Samples.PathOf("v3-timer-workflow.json"), Path.Combine(caller, "workflows", "timer.json"));
        var elsewhere = Directory.CreateTempSubdirectory("approvals-project-").FullName;

        var (exit, output) = await RunHostInAsync(elsewhere, caller, "workflows", "validate", "workflows/timer.json",
            "workflows/missing.json");

        Assert.Contains("workflows/timer.json: OK", output);
        Assert.Contains("workflows/missing.json: file not found", output);
        Assert.Equal(1, exit);
        Directory.Delete(caller, true);
        Directory.Delete(elsewhere, true);
    }

    [Fact]
    public async Task Problems_are_printed_per_file_and_the_exit_code_is_non_zero()
    {
        var broken = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.json");
        var unknown = Path.Combine(Path.GetTempPath(), $"unknown-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(broken, "{\n  \"root\": {\n    \"type\": \"Elsa.Flowchart\",\n    \"activities\": [ }\n}");
        await File.WriteAllTextAsync(unknown, """
            { "definitionId": "u", "root": { "type": "Elsa.Flowchart", "id": "f", "activities": [
              { "id": "a1", "type": "Acme.Teleport" }, { "id": "a2", "type": "Elsa.WriteLine", "text": { "typeName": "String",
                "expression": { "type": "Literal", "value": "x" } } } ],
              "connections": [ { "source": { "activity": "a1", "port": "Beamed" }, "target": { "activity": "a2", "port": "In" } } ] } }
            """);
        try
        {
            var (exit, output) = await RunHostAsync("workflows", "validate", Samples.PathOf("v3-timer-workflow.json"), broken, unknown,
                Samples.PathOf("v2-visual-document-approval-workflow.json"));

            Assert.Equal(1, exit);
            Assert.Contains("v3-timer-workflow.json: OK", output);
            Assert.Contains($"{broken}:4:", output);
            Assert.Contains($"{unknown}: 1 problem", output);
            Assert.Contains("type 'Acme.Teleport'", output);
            Assert.Contains("id a1", output);
            // The Elsa 2 export's HTTP activities convert to Elsa 3's.
            Assert.Contains("v2-visual-document-approval-workflow.json: OK (Elsa 2 export, converted)", output);
        }
        finally
        {
            File.Delete(broken);
            File.Delete(unknown);
        }
    }
}
