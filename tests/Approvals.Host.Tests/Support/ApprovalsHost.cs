using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Approvals.Host.Tests.Support;

/// <summary>The real host on a real SQLite file in a temporary folder, with the demo users of the README.</summary>
public sealed class ApprovalsHost : WebApplicationFactory<Program>
{
    public const string Password = "Approvals#2026";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "approvals-host-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string> _tokens = new();

    public string DataFolder => _folder;

    /// <summary>More settings for this host (SMTP, retry delays), applied on top of the defaults.</summary>
    public Dictionary<string, string> Settings { get; } = new();

    /// <summary>Uses the data folder of another (stopped) host: a restart on the same files.</summary>
    public ApprovalsHost OnFolderOf(ApprovalsHost other)
    {
        _sharedFolder = other._folder;
        return this;
    }

    private string? _sharedFolder;

    /// <summary><c>Demo:Enabled</c>: true by default here; null leaves it to the environment (seeded in Development only).</summary>
    public bool? DemoUsers { get; set; } = true;

    public string EnvironmentName { get; set; } = "Development";

    /// <summary>Leave the data folder when this host is disposed (another host continues on it).</summary>
    public bool KeepDataOnDispose { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var folder = _sharedFolder ?? _folder;
        Directory.CreateDirectory(folder);
        builder.UseSetting("Approvals:DataDirectory", folder);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        if (DemoUsers is { } demo) builder.UseSetting("Demo:Enabled", demo ? "true" : "false");
        builder.UseSetting("Demo:Password", Password);
        builder.UseEnvironment(EnvironmentName);
    }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A client signed in as <paramref name="userName"/> with a bearer token from <c>/api/auth/token</c>.</summary>
    public async Task<HttpClient> As(string userName)
    {
        if (!_tokens.TryGetValue(userName, out var token))
        {
            using var anonymous = CreateClient();
            var response = await anonymous.PostAsJsonAsync("/api/auth/token", new { userName, password = Password });
            Assert.True(response.IsSuccessStatusCode, $"{userName} could not sign in: {await response.Content.ReadAsStringAsync()}");
            token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
            _tokens[userName] = token;
        }
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (KeepDataOnDispose) return;
        try { Directory.Delete(_sharedFolder ?? _folder, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
