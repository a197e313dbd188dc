using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approvals.Host.Tests.Support;

namespace Approvals.Host.Tests.Api;

/// <summary>The inbox over HTTP: pages from the server with the total in a header, filters, search, order, tab counts.</summary>
public sealed class InboxApiTests
{
    [Fact]
    public async Task The_inbox_pages_filters_searches_and_counts_in_the_database()
    {
        await using var host = new ApprovalsHost();
        var numbers = new List<string>();
        for (var i = 0; i < 7; i++)
            numbers.Add((await host.SubmitAsync("applicant", "courtesy", FormData.Courtesy()))["number"]!.GetValue<string>());
        await host.SubmitAsync("applicant", "sister-city", FormData.SisterCity());
        var protocol = await host.As("protocol-division");

        var seen = new List<string>();
        foreach (var (page, expected) in new[] { (1, 3), (2, 3), (3, 1), (4, 0) })
        {
            var response = await protocol.GetAsync($"/api/tasks?scope=candidate&sort=created&pageSize=3&page={page}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("7", response.Headers.GetValues("X-Total-Count").Single());
            var items = (await response.Content.ReadFromJsonAsync<JsonArray>())!;
            Assert.Equal(expected, items.Count);
            seen.AddRange(items.Select(t => t!["id"]!.GetValue<string>()));
        }
        Assert.Equal(7, seen.Distinct().Count());
        // Oldest first: the pages follow the order of filing.
        var created = (await protocol.GetFromJsonAsync<JsonArray>("/api/tasks?scope=candidate&sort=created&pageSize=50"))!
            .Select(t => t!["createdAt"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.Equal(created.Order().ToList(), created);
        var newest = (await protocol.GetFromJsonAsync<JsonArray>("/api/tasks?scope=candidate&sort=newest&pageSize=50"))!.Select(t =>
            t!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(seen, newest.AsEnumerable().Reverse().ToList());

        var byNumber = (await protocol.GetFromJsonAsync<JsonArray>($"/api/tasks?q={numbers[4]}"))!;
        Assert.Single(byNumber);
        Assert.Equal(seen[4], byNumber[0]!["id"]!.GetValue<string>());
        Assert.Empty((await protocol.GetFromJsonAsync<JsonArray>("/api/tasks?type=sister-city"))!);
        Assert.Equal(7, (await protocol.GetFromJsonAsync<JsonArray>("/api/tasks?type=courtesy&stage=protocol&unit=wujiang-fao"))!.Count);
        Assert.Empty((await protocol.GetFromJsonAsync<JsonArray>("/api/tasks?overdue=true"))!);

        Assert.Equal(HttpStatusCode.OK, (await protocol.PostAsync($"/api/tasks/{seen[0]}/claim", null)).StatusCode);
        var counts = (await protocol.GetFromJsonAsync<JsonObject>("/api/tasks/counts"))!;
        Assert.Equal(1, counts["mine"]!.GetValue<int>());
        Assert.Equal(6, counts["candidate"]!.GetValue<int>());
        Assert.Equal(7, counts["all"]!.GetValue<int>());
        Assert.Equal(0, counts["overdue"]!.GetValue<int>());
        var all = await protocol.GetAsync("/api/tasks?scope=all&pageSize=4");
        Assert.Equal("7", all.Headers.GetValues("X-Total-Count").Single());
        // The claimed task leaves the role's tab for everyone else in the role.
        Assert.DoesNotContain((await protocol.GetFromJsonAsync<JsonArray>("/api/tasks?scope=candidate&pageSize=50"))!,
            t => t!["id"]!.GetValue<string>() == seen[0]);
        Assert.Equal(HttpStatusCode.OK, (await protocol.PostAsync($"/api/tasks/{seen[0]}/release", null)).StatusCode);
        Assert.Equal(7, (await protocol.GetFromJsonAsync<JsonObject>("/api/tasks/counts"))!["candidate"]!.GetValue<int>());

        // Another role sees none of them; a bad order or page size is a problem naming the parameter.
        Assert.Equal(0, (await (await host.As("fao-director")).GetFromJsonAsync<JsonObject>("/api/tasks/counts"))!["all"]!.GetValue<int>());
        var bad = await protocol.GetAsync($"/api/tasks?sort=sideways&pageSize=9999&q={new string('代', 201)}");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = (await bad.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.NotNull(problem["errors"]!["sort"]);
        Assert.NotNull(problem["errors"]!["pageSize"]);
        Assert.Equal("must be at most 200 characters", problem["errors"]!["q"]![0]!.GetValue<string>());
    }
}
