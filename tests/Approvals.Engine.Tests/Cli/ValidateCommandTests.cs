using System.Diagnostics;
using Approvals.Engine.Tests.Support;

namespace Approvals.Engine.Tests.Cli;

/// <summary>Runs the host program itself: <c>Approvals.Host workflows validate &lt;file&gt;...</c>.</summary>
public sealed class ValidateCommandTests
{
    private static async Task<(int ExitCode, string Output)> RunHostAsync(params string[] args)
    {
        var host = Path.Combine(AppContext.BaseDirectory, "Approvals.Host.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
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
        var (exit, output) = await RunHostAsync("workflows", "validate", Samples.PathOf("v3-timer-workflow.json"), Samples.PathOf("v3-fork-decision-join-waitall.json"));

        Assert.Equal(0, exit);
        Assert.Contains("v3-timer-workflow.json: OK", output);
        Assert.Contains("v3-fork-decision-join-waitall.json: OK", output);
    }

    [Fact]
    public async Task Problems_are_printed_per_file_and_the_exit_code_is_non_zero()
    {
        var broken = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(broken, "{\n  \"root\": {\n    \"type\": \"Elsa.Flowchart\",\n    \"activities\": [ }\n}");
        try
        {
            var (exit, output) = await RunHostAsync("workflows", "validate", Samples.PathOf("v3-timer-workflow.json"), broken,
                Samples.PathOf("v2-visual-document-approval-workflow.json"));

            Assert.Equal(1, exit);
            Assert.Contains("v3-timer-workflow.json: OK", output);
            Assert.Contains($"{broken}:4:", output);
            Assert.Contains("v2-visual-document-approval-workflow.json: 3 problems (Elsa 2 export, converted)", output);
            Assert.Contains("type 'HttpEndpoint'", output);
            Assert.Contains("id 9754c493-bc7a-4ee6-9129-becd637f9288", output);
        }
        finally
        {
            File.Delete(broken);
        }
    }
}
