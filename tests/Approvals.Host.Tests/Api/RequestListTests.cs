using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approvals.Host.Tests.Support;

namespace Approvals.Host.Tests.Api;

/// <summary>The list of requests (API and the "my requests" page share its rule): filtered and searched in the database.</summary>
public sealed class RequestListTests(ApprovalsHost host) : IClassFixture<ApprovalsHost>
{
    [Fact]
    public async Task A_search_finds_a_request_by_number_or_title_in_any_case_and_only_within_what_the_caller_may_see()
    {
        var data = FormData.SisterCity();
        data["foreignCity"] = "Zielona Gora";
        var filed = await host.SubmitAsync("applicant", "sister-city", data);
        var id = filed["id"]!.GetValue<string>();
        var number = filed["number"]!.GetValue<string>();
        var other = (await host.SubmitAsync("applicant", "sister-city", FormData.SisterCity()))["id"]!.GetValue<string>();

        async Task<List<string>> IdsAsync(string user, string query)
        {
            var rows = await (await host.As(user)).GetFromJsonAsync<JsonArray>("/api/requests?" + query);
            return rows!.Select(r => r!["id"]!.GetValue<string>()).ToList();
        }

        Assert.Equal(new[] { id }, await IdsAsync("applicant", "q=" + Uri.EscapeDataString(number.ToLowerInvariant())));
        var byCity = await IdsAsync("applicant", "q=zielona");
        Assert.Contains(id, byCity);
        Assert.DoesNotContain(other, byCity);
        Assert.Contains(id, await IdsAsync("sister-city-division", "q=ZIELONA"));
        // Another unit's applicant finds nothing, however it searches.
        Assert.Empty(await IdsAsync("applicant2", "q=" + Uri.EscapeDataString(number)));
        // Filters narrow the same list: another type or another state leaves it out.
        Assert.DoesNotContain(id, await IdsAsync("applicant", "q=zielona&type=courtesy"));
        Assert.DoesNotContain(id, await IdsAsync("applicant", "q=zielona&state=Withdrawn"));
        Assert.Contains(id, await IdsAsync("applicant", "q=zielona&state=InProgress"));

        var tooLong = await (await host.As("applicant")).GetAsync("/api/requests?q=" + new string('x', 201));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("\"q\"", await tooLong.Content.ReadAsStringAsync());
    }
}
