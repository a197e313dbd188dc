using Approvals.Browser.Tests.Support;

namespace Approvals.Browser.Tests.Journeys;

/// <summary>
/// Each of our pages, in both languages, for the roles that use it: it renders, the keyboard reaches its controls, the console stays clean.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EveryPageTests(Chromium chromium) : BrowserJourney(chromium)
{
    [Theory]
    [InlineData("applicant", "/inbox", "待办", "Inbox")]
    [InlineData("applicant", "/requests", "我的申请", "My requests")]
    [InlineData("applicant", "/requests/new", "新建申请", "New request")]
    [InlineData("applicant", "/proxies", "代理设置", "Proxies")]
    [InlineData("fao-director", "/requests", "全部申请", "Requests")]
    [InlineData("fao-director", "/statistics", "统计", "Statistics")]
    [InlineData("admin", "/admin", "系统管理", "Administration")]
    public async Task A_page_renders_in_both_languages_and_tab_reaches_its_controls(string user, string path,
        string chinese, string english)
    {
        var session = await SignedInAsync(user, path);
        var page = session.Page;
        await Assertions.Expect(page.Locator("h4").First).ToHaveTextAsync(chinese);

        // Tab moves through the page's controls, each one visible where it lands.
        var reached = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string?>(
                "() => { const e = document.activeElement; if (!e || e === document.body) return null; const r = " +
                "e.getBoundingClientRect(); return r.width > 0 && r.height > 0 ? e.tagName + ':' + (e.textContent || " +
                "e.getAttribute('aria-label') || e.id || '').trim().slice(0, 30) : 'hidden:' + e.tagName + ':' + e.className; }");
            if (focused is null) break; // past the last control: focus leaves the page
            Assert.False(focused.StartsWith("hidden:", StringComparison.Ordinal),
                $"Tab {i + 1} on {path} focused an invisible element ({focused}).");
            reached.Add(focused);
        }
        Assert.True(reached.Distinct().Count() >= 5, $"Tab reached too few controls on {path}: {string.Join(", ", reached)}");

        // The language switch in the top bar, then the same page in English.
        await page.GotoAsync($"/culture?lang=en&returnUrl={Uri.EscapeDataString(path)}");
        await session.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("h4").First).ToHaveTextAsync(english);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        Assert.True(session.Errors.Count == 0, string.Join("\n", session.Errors));
    }
}
