using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approvals.Host.Tests.Support;

namespace Approvals.Host.Tests.Scale;

/// <summary>The data folder on a small file system that really fills up, and on a read-only one.</summary>
public sealed class FullDiskTests
{
    [Fact]
    public async Task A_full_disk_is_a_503_that_says_so_health_reports_it_and_nothing_partial_is_saved()
    {
        await using var host = await HostProcess.Start(new Dictionary<string, string>(), tmpfsOptions: "size=24m").ReadyAsync();
        var applicant = await host.As("applicant");
        var submitted = await applicant.PostAsJsonAsync("/api/requests", new { type = "courtesy", data = FormData.Courtesy() });
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var id = (await submitted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

        // 9 MB attachments until the disk is full (a few fit).
        HttpResponseMessage? refused = null;
        var stored = 0;
        for (var i = 0; i < 6 && refused is null; i++)
        {
            var content = new byte[9 * 1024 * 1024];
            "%PDF-1.4"u8.CopyTo(content);
            Random.Shared.NextBytes(content.AsSpan(8));
            using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", $"scan{i}.pdf" } };
            var response = await applicant.PostAsync($"/api/requests/{id}/attachments", form);
            if (response.StatusCode == HttpStatusCode.Created) stored++;
            else refused = response;
        }

        Assert.NotNull(refused);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("The storage is full.", problem["title"]!.GetValue<string>());
        var health = await new HttpClient { BaseAddress = host.Address }.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("full", (await health.Content.ReadFromJsonAsync<JsonObject>())!["storage"]!.GetValue<string>());
        // Only the attachments that were answered 201 exist.
        var details = (await applicant.GetFromJsonAsync<JsonObject>($"/api/requests/{id}"))!;
        Assert.Equal(stored, details["attachments"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_read_only_data_folder_is_named_with_the_cause_at_start()
    {
        var host = HostProcess.Start(new Dictionary<string, string>(), tmpfsOptions: "ro");
        await using (host)
        {
            var exitCode = await host.ExitAsync(TimeSpan.FromSeconds(60));

            Assert.NotEqual(0, exitCode);
            Assert.Contains($"The data folder '{host.DataFolder}'", host.Output);
            Assert.Contains("Read-only file system", host.Output);
            Assert.DoesNotContain("SQLite Error", host.Output);
        }
    }
}
