using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approvals.Browser.Tests.Support;

namespace Approvals.Browser.Tests.Journeys;

/// <summary>Attachments open in the page (an image, a PDF) as well as downloading.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AttachmentPreviewTests(Chromium chromium) : BrowserJourney(chromium)
{
    private const string Pixel = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    [Fact]
    public async Task An_image_and_a_pdf_preview_in_the_request_page()
    {
        var requestId = await FileSisterCityAsync("Brno", "sister-city", "CZ");
        using var applicant = await Host.ApiAs("applicant");
        foreach (var (name, bytes) in new[] { ("photo.png", Convert.FromBase64String(Pixel)),
            ("letter.pdf", "%PDF-1.4\n%%EOF\n"u8.ToArray()) })
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", name } };
            Assert.True((await applicant.PostAsync($"/api/requests/{requestId}/attachments", form)).IsSuccessStatusCode);
        }

        var session = await SignedInAsync("applicant", $"/requests/{requestId}");
        var page = session.Page;
        var photo = page.Locator("[data-testid=attachments] .mud-list-item").Filter(new() { HasText = "photo.png" });
        await photo.Locator("[data-testid=preview]").ClickAsync();
        var image = page.Locator("[data-testid=attachment-preview] img");
        await Assertions.Expect(image).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=attachment-preview] img').naturalWidth === 1");

        var letter = page.Locator("[data-testid=attachments] .mud-list-item").Filter(new() { HasText = "letter.pdf" });
        await letter.Locator("[data-testid=preview]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=attachment-preview] iframe")).ToHaveAttributeAsync("src",
            new System.Text.RegularExpressions.Regex("/attachments/"));
        Assert.Empty(BrowserErrors);
    }
}
