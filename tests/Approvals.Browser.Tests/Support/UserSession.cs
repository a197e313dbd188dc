namespace Approvals.Browser.Tests.Support;

/// <summary>
/// One person's browser (own cookies) on the host; records every console error and page error so a test can insist on none.
/// </summary>
public sealed class UserSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _errors = [];

    private UserSession(IBrowserContext context, IPage page, string baseUrl)
    {
        _context = context;
        Page = page;
        BaseUrl = baseUrl;
        page.Console += (_, message) => { if (message.Type == "error") _errors.Add($"{page.Url}: {message.Text}"); };
        page.PageError += (_, error) => _errors.Add($"{page.Url}: {error}");
    }

    public IPage Page { get; }
    public string BaseUrl { get; }
    public IReadOnlyList<string> Errors => _errors;

    public static async Task<UserSession> OpenAsync(Chromium chromium, BrowserHost host, string? language = null,
        ViewportSize? viewport = null)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseUrl,
            ViewportSize = viewport ?? new ViewportSize { Width = 1440, Height = 900 },
            Locale = language ?? "zh-CN",
        });
        context.SetDefaultTimeout(30_000);
        return new UserSession(context, await context.NewPageAsync(), host.BaseUrl);
    }

    /// <summary>Signs in with the keyboard only: type, tab, type, Enter.</summary>
    public async Task SignInAsync(string userName, string returnUrl = "/")
    {
        await Page.GotoAsync($"/signin?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await Page.Locator("#userName").FocusAsync();
        await Page.Keyboard.TypeAsync(userName);
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.TypeAsync(BrowserHost.Password);
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
    }

    /// <summary>Waits until the interactive (server) circuit is up, so clicks reach the component.</summary>
    public async Task WaitForInteractiveAsync()
    {
        await Page.Locator("body[data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
    }

    /// <summary>Goes to a page of ours and waits until it is interactive.</summary>
    public async Task OpenAsync(string path)
    {
        await Page.GotoAsync(path);
        await WaitForInteractiveAsync();
    }

    public async Task ScreenshotAsync(string name) =>
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor(name), FullPage = true });

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
