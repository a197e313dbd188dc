using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approvals.Browser.Tests.Support;

namespace Approvals.Browser.Tests.Journeys;

/// <summary>A board member's task page says what the rule needs and follows the other members' votes while it is open.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BoardVoteTests(Chromium chromium) : BrowserJourney(chromium)
{
    private async Task DecideAsync(string user, string requestId, string outcome)
    {
        using var client = await Host.ApiAs(user);
        var task = (await client.GetFromJsonAsync<JsonArray>("/api/tasks?scope=all"))!.First(t =>
            t!["requestId"]!.GetValue<string>() == requestId)!;
        var response = await client.PostAsJsonAsync($"/api/tasks/{task["id"]}/decision",
            new { outcome, operationId = Guid.NewGuid().ToString("N") });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_tally_shows_the_rule_and_refreshes_when_another_member_votes()
    {
        using var applicant = await Host.ApiAs("applicant");
        var filed = await applicant.PostAsJsonAsync("/api/requests", new
        {
            type = "outbound-travel",
            data = new JsonObject
            {
                ["delegationLeader"] = "王明",
                ["members"] = new JsonArray(new JsonObject { ["name"] = "王明", ["title"] = "主任", ["rank"] = "division-chief",
                    ["passportType"] = "official" }),
                ["destinations"] = new JsonArray(new JsonObject { ["country"] = "CZ", ["city"] = "Ostrava" }),
                ["departureDate"] = "2026-05-11", ["returnDate"] = "2026-05-15", ["purpose"] = "友城交流",
                ["invitingOrganisation"] = "Ostrava City",
                ["invitationLetter"] = "att-1", ["budget"] = 15000, ["fundingSource"] = "budget", ["isTaiwan"] = false,
            },
        });
        Assert.True(filed.IsSuccessStatusCode, await filed.Content.ReadAsStringAsync());
        var id = (await filed.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        await DecideAsync("unit-head", id, "Approved");
        await DecideAsync("outbound-division", id, "Approved");

        using var board2 = await Host.ApiAs("board2");
        var taskId = (await board2.GetFromJsonAsync<JsonArray>("/api/tasks?scope=all"))!.First(t =>
            t!["requestId"]!.GetValue<string>() == id)!["id"]!.GetValue<string>();
        var member = await SignedInAsync("board2", $"/tasks/{taskId}");
        var tally = member.Page.Locator("[data-testid=tally]");
        await Assertions.Expect(tally).ToContainTextAsync("同意 0");
        await Assertions.Expect(member.Page.Locator("[data-testid=board-rule]")).ToContainTextAsync("至少 3/5 人投票后过半数决定");

        await DecideAsync("board1", id, "Approved");

        await Assertions.Expect(tally).ToContainTextAsync("同意 1", new() { Timeout = 15_000 });
        Assert.Empty(BrowserErrors);
    }
}
