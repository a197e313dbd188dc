using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approvals.Browser.Tests.Support;

namespace Approvals.Browser.Tests.Journeys;

/// <summary>
/// An English-speaking applicant files an outbound trip: member and destination tables, a country picker inside a table, errors at the
/// fields.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OutboundTravelFormTests(Chromium chromium) : BrowserJourney(chromium)
{
    [Fact]
    public async Task The_trip_form_in_english_refuses_missing_fields_at_the_field_then_files_the_trip()
    {
        // applicant2's language is English: the pages open in English after sign-in.
        var applicant = await SignedInAsync("applicant2", "/requests/new?type=outbound-travel");
        var page = applicant.Page;
        await Assertions.Expect(page.Locator("h4").First).ToHaveTextAsync("New request");

        // Submitting the empty form marks the fields instead of filing anything.
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Please correct the marked fields.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Field("delegationLeader").Locator(".mud-input-error").First).ToBeVisibleAsync();

        await page.TypeIntoAsync("delegationLeader", "Li Na");
        await page.Field("members").GetByRole(AriaRole.Button, new() { Name = "Add a row" }).ClickAsync();
        await page.Field("members").TypeIntoAsync("name", "Li Na");
        await page.Field("members").TypeIntoAsync("title", "Deputy director");
        await page.Field("members").ChooseAsync(page, "rank", "Deputy director-general");
        await page.Field("members").ChooseAsync(page, "passportType", "Service passport");
        await page.Field("destinations").GetByRole(AriaRole.Button, new() { Name = "Add a row" }).ClickAsync();
        await page.Field("destinations").SearchAndChooseAsync(page, "country", "Finland", "(FI)");
        await page.Field("destinations").TypeIntoAsync("city", "Helsinki");
        await page.TypeIntoAsync("departureDate", "2027-04-10");
        await page.TypeIntoAsync("returnDate", "2027-04-16");
        await page.TypeIntoAsync("purpose", "Study visit on vocational education.");
        await page.TypeIntoAsync("invitingOrganisation", "City of Helsinki Education Division");
        await page.TypeIntoAsync("budget", "48000");
        await page.ChooseAsync("fundingSource", "Government budget");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/requests/[0-9a-f]{32}$"));

        var requestId = page.Url.Split('/').Last();
        await Assertions.Expect(page.Locator("[data-testid=request-fields]")).ToContainTextAsync("Finland (FI)");
        await Assertions.Expect(page.Locator("[data-testid=request-fields]")).ToContainTextAsync("Deputy director-general");
        using var api = await Host.ApiAs("applicant2");
        var data = (await api.GetFromJsonAsync<JsonObject>($"/api/requests/{requestId}"))!["data"]!;
        Assert.Equal("FI", data["destinations"]![0]!["country"]!.GetValue<string>());
        Assert.Equal("deputy-director-general", data["members"]![0]!["rank"]!.GetValue<string>());
        Assert.Equal(48000m, data["budget"]!.GetValue<decimal>());
        Assert.Empty(BrowserErrors);
    }
}
