using Approvals.Host.Tests.Support;

namespace Approvals.Host.Tests.Scale;

/// <summary>The embedded SQLite database serves one host: a second host on the same data folder refuses to start and says why.</summary>
public sealed class SingleHostSqliteTests
{
    [Fact]
    public async Task A_second_host_on_the_same_sqlite_folder_refuses_to_start_naming_the_folder()
    {
        await using var first = await HostProcess.Start(new Dictionary<string, string>()).ReadyAsync();
        var folder = first.DataFolder;

        var second = HostProcess.Start(new Dictionary<string, string>(), folder);
        var exitCode = await second.ExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Another Approvals host is already running on the data folder", second.Output);
        Assert.Contains(Path.GetFullPath(folder), second.Output);
        Assert.Contains("PostgreSQL", second.Output);
        Assert.True((await new HttpClient { BaseAddress = first.Address }.GetAsync("/health")).IsSuccessStatusCode,
            "the first host was disturbed");

        // Once the first host is gone (even killed), the folder is free again.
        first.Kill();
        await using var third = await HostProcess.Start(new Dictionary<string, string>(), folder).ReadyAsync();
        Assert.False(third.HasExited);
    }

    [Fact]
    public async Task A_data_folder_that_cannot_be_written_is_named_with_the_cause()
    {
        var parent = Path.Combine(Path.GetTempPath(), "approvals-readonly", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(parent);
        // A regular file where the folder should be: the folder cannot be made, whoever runs the test.
        var folder = Path.Combine(parent, "data");
        await File.WriteAllTextAsync(folder, "not a folder");
        try
        {
            var host = HostProcess.Start(new Dictionary<string, string>(), folder);
            var exitCode = await host.ExitAsync(TimeSpan.FromSeconds(60));

            Assert.NotEqual(0, exitCode);
            Assert.Contains($"The data folder '{folder}'", host.Output);
            Assert.DoesNotContain("SQLite Error", host.Output);
        }
        finally
        {
            Directory.Delete(parent, recursive: true);
        }
    }
}
