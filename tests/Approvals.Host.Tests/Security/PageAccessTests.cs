using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Approvals.Host.Tests.Support;

namespace Approvals.Host.Tests.Security;

/// <summary>
/// The pages and downloads apply the API's access rule (one service): someone who may not see a request or a task is told
/// it does not exist, on the task page, the request page and the attachment download alike.
/// </summary>
public sealed class PageAccessTests : IClassFixture<ApprovalsHost>
{
    private readonly ApprovalsHost _host;

    public PageAccessTests(ApprovalsHost host) => _host = host;

    private async Task<(string RequestId, string TaskId, string AttachmentId)> CourtesyWithAttachmentAsync()
    {
        var data = FormData.Courtesy();
        data["delegationName"] = "保密代表团 Secret Delegation";
        var id = (await _host.SubmitAsync("applicant", "courtesy", data))["id"]!.GetValue<string>();
        using var file = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("%PDF-1.4 itinerary")),
            "file", "itinerary.pdf" } };
        var uploaded = await (await _host.As("applicant")).PostAsync($"/api/requests/{id}/attachments", file);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var attachmentId = (await uploaded.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var taskId = (await _host.RequestAsync("applicant", id))["currentTasks"]![0]!["taskId"]!.GetValue<string>();
        return (id, taskId, attachmentId);
    }

    [Theory]
    [InlineData("applicant2", "Task '{0}' was not found.")] // another unit's applicant (reads English)
    [InlineData("unit-head2", "未找到事项“{0}”")] // another unit's head
    public async Task Someone_who_may_not_see_the_request_gets_not_found_on_every_page_and_download(string user, string notFound)
    {
        var (requestId, taskId, attachmentId) = await CourtesyWithAttachmentAsync();
        var browser = await _host.SignInAsync(user);

        var task = WebUtility.HtmlDecode(await browser.GetStringAsync($"/tasks/{taskId}"));
        Assert.Contains(string.Format(notFound, taskId), task);
        Assert.DoesNotContain("Secret Delegation", task);
        Assert.DoesNotContain("itinerary.pdf", task);
        var request = WebUtility.HtmlDecode(await browser.GetStringAsync($"/requests/{requestId}"));
        Assert.DoesNotContain("Secret Delegation", request);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/requests/{requestId}/attachments/{attachmentId}")).StatusCode);
        var api = await _host.As(user);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/tasks/{taskId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/requests/{requestId}")).StatusCode);
    }

    [Fact]
    public async Task The_applicant_the_reviewer_and_fao_staff_see_the_task_page()
    {
        var (requestId, taskId, attachmentId) = await CourtesyWithAttachmentAsync();
        foreach (var user in new[] { "applicant", "protocol-division", "fao-director" })
        {
            var browser = await _host.SignInAsync(user);
            var task = WebUtility.HtmlDecode(await browser.GetStringAsync($"/tasks/{taskId}"));
            Assert.Contains("Secret Delegation", task);
            var download = await browser.GetAsync($"/requests/{requestId}/attachments/{attachmentId}");
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        }
    }
}
