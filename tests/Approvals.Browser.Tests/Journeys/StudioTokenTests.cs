using Approvals.Browser.Tests.Support;

namespace Approvals.Browser.Tests.Journeys;

/// <summary>
/// The studio page's token opens the Elsa API only and lasts minutes; the page renews it with the browser's sign-in before it
/// runs out, so the designer keeps working. A lifetime of 60 s puts every call inside the renewal window.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StudioTokenTests(Chromium chromium) : BrowserJourney(chromium)
{
    protected override IReadOnlyDictionary<string, string> HostSettings { get; } =
        new Dictionary<string, string> { ["Studio:TokenLifetime"] = "00:01:00" };

    [Fact]
    public async Task The_studio_renews_its_short_token_and_every_elsa_call_is_answered()
    {
        var admin = await SignedInAsync("admin", "/studio", interactive: false);
        var page = admin.Page;
        var renewals = new List<int>();
        var refused = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Url.EndsWith("/studio/token", StringComparison.Ordinal)) renewals.Add(response.Status);
            if (response.Url.Contains("/elsa/api/", StringComparison.Ordinal) && response.Status is 401 or 403)
                refused.Add($"{response.Status} {response.Url}");
        };
        await page.ReloadAsync();

        await page.GetByText("sister-city-establishment").First.WaitForAsync(new() { Timeout = 90_000 });

        Assert.NotEmpty(renewals);
        Assert.All(renewals, status => Assert.Equal(200, status));
        Assert.Empty(refused);
        Assert.Empty(BrowserErrors);
    }
}
