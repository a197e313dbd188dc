using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Approvals.Host.Identity;
using Approvals.Host.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Approvals.Host.Tests.Security;

/// <summary>Locking an account or changing its roles ends what it holds: bearer tokens, cookies, mail links.</summary>
public sealed class RevocationTests
{
    private static async Task<string> TokenAsync(ApprovalsHost host, string user)
    {
        var response = await host.CreateClient().PostAsJsonAsync("/api/auth/token",
            new { userName = user, password = ApprovalsHost.Password });
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
    }

    private static HttpClient Bearer(ApprovalsHost host, string token)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<string> IdOfAsync(ApprovalsHost host, string userName) =>
        (await (await host.As("admin")).GetFromJsonAsync<JsonArray>("/api/admin/users"))!.Single(u =>
            u!["userName"]!.GetValue<string>() == userName)!["id"]!.GetValue<string>();

    [Fact]
    public async Task A_locked_account_loses_its_token_its_cookie_and_its_pages()
    {
        using var host = new ApprovalsHost();
        var token = await TokenAsync(host, "applicant");
        var browser = await host.SignInAsync("applicant");
        Assert.Equal(HttpStatusCode.OK, (await Bearer(host, token).GetAsync("/api/requests")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/inbox")).StatusCode);

        var locked = await (await host.As("admin")).PutAsJsonAsync($"/api/admin/users/{await IdOfAsync(host, "applicant")}",
            new { locked = true });
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(host, token).GetAsync("/api/requests")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/inbox")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await host.CreateClient().PostAsJsonAsync("/api/auth/token",
            new { userName = "applicant", password = ApprovalsHost.Password })).StatusCode);
    }

    [Fact]
    public async Task A_removed_role_ends_the_tokens_that_carried_it()
    {
        using var host = new ApprovalsHost();
        var token = await TokenAsync(host, "fao-director");
        Assert.Equal(HttpStatusCode.OK, (await Bearer(host, token).GetAsync("/api/reports")).StatusCode);

        var changed = await (await host.As("admin")).PutAsJsonAsync($"/api/admin/users/{await IdOfAsync(host, "fao-director")}",
            new { roles = new[] { "unit-head" } });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(host, token).GetAsync("/api/reports")).StatusCode);
        // A new sign-in carries the roles as they are now.
        var fresh = Bearer(host, await TokenAsync(host, "fao-director"));
        Assert.Equal(HttpStatusCode.Forbidden, (await fresh.GetAsync("/api/reports")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/api/tasks")).StatusCode);
    }

    [Fact]
    public async Task A_token_accepted_before_is_refused_once_it_expires_and_an_altered_copy_never_passes()
    {
        using var host = new ApprovalsHost();
        string token;
        using (var scope = host.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>()
                .CreateUserPrincipalAsync((await users.FindByNameAsync("admin"))!);
            (token, _) = host.Services.GetRequiredService<BearerTokens>().IssueForElsa(principal, TimeSpan.FromSeconds(3));
        }
        // Accepted twice (the second time from the tickets kept for recently seen tokens).
        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.OK, (await Bearer(host, token).GetAsync("/elsa/api/workflow-definitions")).StatusCode);
        var middle = token.Length / 2;
        var altered = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(host, altered).GetAsync("/elsa/api/workflow-definitions")).StatusCode);

        await Task.Delay(TimeSpan.FromSeconds(3.5));
        var expired = await Bearer(host, token).GetAsync("/elsa/api/workflow-definitions");
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }

    [Fact]
    public async Task A_mail_link_of_a_locked_reviewer_decides_nothing()
    {
        await using var mail = new MailHost();
        var id = (await mail.Host.SubmitAsync("applicant", "courtesy", FormData.Courtesy()))["id"]!.GetValue<string>();
        var message = (await mail.Smtp.WaitForAsync(all =>
            all.Any(m => m.To.Mailboxes.Any(a => a.Address == "protocol-division@approvals.test"))))
            .First(m => m.To.Mailboxes.Any(a => a.Address == "protocol-division@approvals.test"));
        var approve = Regex.Match(message.TextBody ?? "", @"同意: http://approvals\.test(?<path>/actions/\S+)").Groups["path"].Value;
        var browser = mail.Host.CreateClient(
            new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });
        var page = await (await browser.GetAsync(approve)).Content.ReadAsStringAsync();
        var antiforgery = Regex.Match(page, "name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]+)\"");

        await (await mail.Host.As("admin")).PutAsJsonAsync($"/api/admin/users/{await IdOfAsync(mail.Host, "protocol-division")}",
            new { locked = true });

        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync(approve)).StatusCode);
        var confirmed = await browser.PostAsync(approve, new FormUrlEncodedContent(
            [new(antiforgery.Groups["name"].Value, WebUtility.HtmlDecode(antiforgery.Groups["value"].Value)), new("comment", "同意")]));
        Assert.Equal(HttpStatusCode.Forbidden, confirmed.StatusCode);
        Assert.Empty((await mail.Host.RequestAsync("applicant", id))["history"]!.AsArray());
    }
}
