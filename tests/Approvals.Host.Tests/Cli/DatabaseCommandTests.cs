using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approvals.Host.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Approvals.Host.Tests.Cli;

/// <summary>
/// The host's verbs on a real database: <c>workflows import</c>, <c>workflows export</c>, <c>audit verify</c>, <c>search rebuild</c>.
/// </summary>
public sealed class DatabaseCommandTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "approvals-cli-tests", Guid.NewGuid().ToString("N"));

    private Task<(int ExitCode, string Output)> RunAsync(params string[] args) => RunInAsync(_data, args);

    private static async Task<(int ExitCode, string Output)> RunInAsync(string data, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Approvals.Host.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.ArgumentList.Add($"--Approvals:DataDirectory={data}");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    private static string Sample(string file) => Path.Combine(AppContext.BaseDirectory, "Samples", file);

    [Fact]
    public async Task Import_publishes_valid_files_and_names_the_problems_of_the_others()
    {
        var unknown = Path.Combine(Path.GetTempPath(), $"teleport-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(unknown, """
            { "definitionId": "teleport", "root": { "type": "Elsa.Flowchart", "id": "f", "activities": [ { "id": "beam-1",
              "type": "Acme.Teleport" } ], "connections": [] } }
            """);
        try
        {
            var (exit, output) = await RunAsync("workflows", "import", Sample("v3-timer-workflow.json"),
                Sample("v2-visual-document-approval-workflow.json"), unknown);

            Assert.Equal(1, exit);
            Assert.Contains("d1d828033d9c2dcd version 1 published", output);
            Assert.Contains("932002130c54445d99d7787e9dad8207 version", output);
            Assert.Contains("not imported, 1 problem", output);
            Assert.Contains("beam-1", output);
        }
        finally
        {
            File.Delete(unknown);
        }
    }

    [Fact]
    public async Task Export_prints_a_version_as_elsa3_json()
    {
        var (exit, output) = await RunAsync("workflows", "export", "outbound-travel-review", "--version", "1");
        var (missing, message) = await RunAsync("workflows", "export", "outbound-travel-review", "--version", "9");

        Assert.Equal(0, exit);
        var json = JsonNode.Parse(output)!;
        Assert.Equal(("outbound-travel-review", 1), (json["definitionId"]!.GetValue<string>(), json["version"]!.GetValue<int>()));
        Assert.Equal("Elsa.Flowchart", json["root"]!["type"]!.GetValue<string>());
        Assert.Equal(1, missing);
        Assert.Contains("version 9 does not exist", message);
    }

    [Fact]
    public async Task Audit_verify_reports_a_broken_chain_with_a_non_zero_exit()
    {
        var (intact, ok) = await RunAsync("audit", "verify");
        Assert.Equal(0, intact);
        Assert.StartsWith("OK:", ok);

        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "approvals.db")}"))
        {
            await connection.OpenAsync();
            var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO AuditEntries (ChainId, Sequence, Timestamp, Actor, Action, PreviousHash, Hash) VALUES " +
                "('actor:intruder', 1, 0, 'intruder', 'Decision', '" +
                new string('0', 64) + "', 'forged')";
            await insert.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();
        var (broken, report) = await RunAsync("audit", "verify");

        Assert.Equal(1, broken);
        Assert.Contains("BROKEN at entry 1", report);
    }

    [Fact]
    public async Task Search_rebuild_restores_a_title_index_that_lost_its_entries()
    {
        static async Task<int> FoundAsync(ApprovalsHost host) =>
            (await (await host.As("protocol-division")).GetFromJsonAsync<JsonArray>("/api/tasks?scope=candidate&q=新松奇"))!.Count;
        var first = new ApprovalsHost { KeepDataOnDispose = true };
        try
        {
            await first.SubmitAsync("applicant", "courtesy", FormData.Courtesy());
            Assert.Equal(1, await FoundAsync(first));
            await first.DisposeAsync();
            // What a VACUUM that renumbered the rows leaves: an index whose entries no longer name the tasks.
            await using (var connection = new SqliteConnection($"Data Source={Path.Combine(first.DataFolder, "approvals.db")}"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = """DELETE FROM "TaskSearchQueue"; INSERT INTO "TaskSearch"("TaskSearch") VALUES ('delete-all');""";
                await command.ExecuteNonQueryAsync();
            }
            SqliteConnection.ClearAllPools();
            using (var lost = new ApprovalsHost { KeepDataOnDispose = true }.OnFolderOf(first))
                Assert.Equal(0, await FoundAsync(lost));

            var (exit, output) = await RunInAsync(first.DataFolder, "search", "rebuild");

            Assert.Equal(0, exit);
            Assert.Contains("Title index rebuilt from 1 open task.", output);
            using var rebuilt = new ApprovalsHost { KeepDataOnDispose = true }.OnFolderOf(first);
            Assert.Equal(1, await FoundAsync(rebuilt));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(first.DataFolder, true); } catch (IOException) { }
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_data, true); } catch (IOException) { }
    }
}
