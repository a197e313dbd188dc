using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Approvals.Browser.Tests.Support;

/// <summary>A browser test on its own host: people sign in in their own browser contexts, all closed at the end.</summary>
public abstract class BrowserJourney(Chromium chromium) : IAsyncLifetime
{
    private readonly List<UserSession> _sessions = [];

    protected BrowserHost Host => _host ??= new BrowserHost(HostSettings);

    private BrowserHost? _host;

    /// <summary>Settings a journey needs beyond the defaults (read once, when the host starts).</summary>
    protected virtual IReadOnlyDictionary<string, string> HostSettings { get; } = new Dictionary<string, string>();

    /// <summary>Every console or page error any session met.</summary>
    protected IEnumerable<string> BrowserErrors => _sessions.SelectMany(s => s.Errors);

    /// <summary>Signs <paramref name="userName"/> in (by keyboard) and lands on <paramref name="returnUrl"/>.</summary>
    protected async Task<UserSession> SignedInAsync(string userName, string returnUrl = "/", bool interactive = true,
        ViewportSize? viewport = null)
    {
        var session = await UserSession.OpenAsync(chromium, Host, viewport: viewport);
        _sessions.Add(session);
        await session.SignInAsync(userName, returnUrl);
        if (interactive) await session.WaitForInteractiveAsync();
        return session;
    }

    /// <summary>A phone's screen (an iPhone 12-14: 390 × 844 CSS pixels).</summary>
    protected static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    /// <summary>A browser that nobody signed in yet.</summary>
    protected async Task<UserSession> AnonymousAsync(ViewportSize? viewport = null)
    {
        var session = await UserSession.OpenAsync(chromium, Host, viewport: viewport);
        _sessions.Add(session);
        return session;
    }

    /// <summary>Files a sister-city request through the API as the demo applicant; its id.</summary>
    protected async Task<string> FileSisterCityAsync(string city, string relationship = "friendly-exchange", string country = "DE")
    {
        using var applicant = await Host.ApiAs("applicant");
        var response = await applicant.PostAsJsonAsync("/api/requests", new
        {
            type = "sister-city",
            data = new JsonObject
            {
                ["proposingUnit"] = "吴江区人民政府", ["foreignCity"] = city, ["country"] = country, ["relationshipType"] = relationship,
                ["rationale"] = "交往多年。", ["plannedSigningDate"] = "2027-05-01",
            },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var session in _sessions) await session.DisposeAsync();
        if (_host is not null) await _host.DisposeAsync();
    }
}
