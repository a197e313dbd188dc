using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Approvals.Host.Tests.Support;

namespace Approvals.Host.Tests.Security;

/// <summary>
/// No known password outside Development: demo users only there (or when switched on); the first administrator comes from a CLI verb.
/// </summary>
public sealed class FirstAdministratorTests
{
    private static async Task<(int ExitCode, string Output)> CliAsync(string dataFolder, string? password, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Approvals.Host.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.ArgumentList.Add($"--Approvals:DataDirectory={dataFolder}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        if (password is not null) start.Environment["APPROVALS_ADMIN_PASSWORD"] = password;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    private static async Task<HttpStatusCode> SignInAsync(ApprovalsHost host, string user, string password) =>
        (await host.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = user, password })).StatusCode;

    [Fact]
    public async Task A_production_host_has_no_demo_users_and_its_first_administrator_is_made_by_the_cli()
    {
        var host = new ApprovalsHost { EnvironmentName = "Production", DemoUsers = null, KeepDataOnDispose = true };
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(host, "admin", ApprovalsHost.Password));
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(host, "applicant", ApprovalsHost.Password));
        host.Dispose();

        var keep = new ApprovalsHost { EnvironmentName = "Production", DemoUsers = null }.OnFolderOf(host);
        var (generated, output) = await CliAsync(host.DataFolder, null, "users", "add-admin", "chief", "chief@fao.example");
        Assert.Equal(0, generated);
        var password = Regex.Match(output, @"Password \(shown once, change it after signing in\): (?<p>\S+)").Groups["p"].Value;
        Assert.Equal(20, password.Length);
        var (given, _) = await CliAsync(host.DataFolder, "Given#Password2026", "users", "add-admin", "deputy", "deputy@fao.example");
        Assert.Equal(0, given);
        var (again, message) = await CliAsync(host.DataFolder, null, "users", "add-admin", "chief", "chief@fao.example");
        Assert.Equal(1, again);
        Assert.Contains("already exists", message);
        var (usage, _) = await CliAsync(host.DataFolder, null, "users", "add-admin", "chief");
        Assert.Equal(2, usage);

        using (keep)
        {
            Assert.Equal(HttpStatusCode.OK, await SignInAsync(keep, "chief", password));
            Assert.Equal(HttpStatusCode.OK, await SignInAsync(keep, "deputy", "Given#Password2026"));
            var token = (await (await keep.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = "chief", password }))
                .Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal("admin", token["roles"]![0]!.GetValue<string>());
            Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(keep, "admin", ApprovalsHost.Password));
        }
    }

    [Fact]
    public async Task Development_seeds_the_demo_users_of_the_readme()
    {
        using var host = new ApprovalsHost { DemoUsers = null };
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(host, "admin", ApprovalsHost.Password));
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(host, "board3", ApprovalsHost.Password));
    }
}
