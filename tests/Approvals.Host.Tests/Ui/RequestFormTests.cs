using System.Text.Json.Nodes;
using Approvals.Activities.Forms;
using Approvals.Activities.Requests;
using Approvals.Host.Components.Forms;
using Bunit;

namespace Approvals.Host.Tests.Ui;

/// <summary>
/// The form generator (bUnit): a control for every field type, errors at their fields, values written to the form's JSON.
/// </summary>
public sealed class RequestFormTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = PageComponentContext.Create();

    private static readonly RequestType Type = new("test", "测试", "Test", "T", null, new FormSchema(
    [
        new FormField { Name = "name", Type = "text", Label = "姓名", Required = true },
        new FormField { Name = "notes", Type = "textarea", Label = "说明" },
        new FormField { Name = "size", Type = "integer", Label = "人数" },
        new FormField { Name = "budget", Type = "number", Label = "预算" },
        new FormField { Name = "departure", Type = "date", Label = "出发日期" },
        new FormField { Name = "arrival", Type = "datetime", Label = "抵达时间" },
        new FormField { Name = "taiwan", Type = "boolean", Label = "赴台" },
        new FormField { Name = "kind", Type = "select", Label = "类型", Options = [new FormOption("a", "甲", "A")] },
        new FormField { Name = "courtesies", Type = "checklist", Label = "礼遇", Options = [new FormOption("airport-vip", "机场贵宾通道", "VIP"),
            new FormOption("police-escort", "警车开道", "Escort")] },
        new FormField { Name = "country", Type = "country", Label = "国家" },
        new FormField { Name = "members", Type = "table", Label = "成员",
            Columns = [new FormField { Name = "name", Type = "text", Label = "成员姓名", Required = true }] },
        new FormField { Name = "letter", Type = "attachment", Label = "邀请函" },
        new FormField { Name = "permit", Type = "text", Label = "入台证号", When = new FormCondition("taiwan", JsonValue.Create(true)) },
    ]));

    private readonly AttachmentBasket _basket = new(new AttachmentLimits { MaxBytes = 1024 });

    private IRenderedComponent<RequestForm> Render(JsonObject data, IReadOnlyDictionary<string, string>? errors = null) =>
        _ctx.Render<RequestForm>(p => p.Add(f => f.Type, Type).Add(f => f.Data, data).Add(f => f.Errors, errors)
            .AddCascadingValue(_basket));

    [Fact]
    public void A_chosen_file_waits_in_the_basket_and_one_too_big_or_of_the_wrong_type_is_refused_at_the_field()
    {
        var data = new JsonObject();
        var cut = Render(data);
        var input = cut.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>();

        input.UploadFiles(InputFileContent.CreateFromText("x", "setup.exe"));
        Assert.Contains("不接受 .exe 类型的文件", cut.Find("[data-field=letter]").TextContent);
        input.UploadFiles(InputFileContent.CreateFromBinary(new byte[2048], "big.pdf"));
        Assert.Contains("超过上限 1,024 字节", cut.Find("[data-field=letter]").TextContent);
        Assert.Empty(_basket.Files);
        Assert.Null(data["letter"]);

        input.UploadFiles(InputFileContent.CreateFromBinary([1, 2, 3], "邀请函.pdf", contentType: "application/pdf"));
        var file = Assert.Single(_basket.Files);
        Assert.Equal(("letter", "邀请函.pdf", 3), (file.Field, file.FileName, file.Content.Length));
        Assert.Equal("邀请函.pdf", data["letter"]!.GetValue<string>());
        Assert.Contains("邀请函.pdf", cut.Find("[data-testid=attachment-chosen]").TextContent);
    }

    [Fact]
    public void Every_field_type_gets_its_control()
    {
        var cut = Render([]);
        var markup = cut.Markup;

        // MudBlazor marks a required field (its stylesheet adds the asterisk) and tells assistive technology.
        Assert.Equal("true", cut.Find("[data-field=name] input").GetAttribute("aria-required"));
        Assert.Contains("mud-input-required", cut.Find("[data-field=name] .mud-input-control").ClassList);
        Assert.DoesNotContain("mud-input-required", cut.Find("[data-field=notes] .mud-input-control").ClassList);
        foreach (var label in new[] { "姓名", "说明", "人数", "预算", "出发日期", "抵达时间", "赴台", "类型", "礼遇", "国家", "成员", "邀请函" })
            Assert.Contains(label, markup);
        Assert.NotEmpty(cut.FindAll("textarea"));
        Assert.NotEmpty(cut.FindAll("[data-field=letter] input[type=file]"));
        Assert.NotEmpty(cut.FindAll("input[type=datetime-local]"));
        Assert.Equal(3, cut.FindAll("input[type=checkbox]").Count);
        Assert.Contains("机场贵宾通道", markup);
        Assert.DoesNotContain("入台证号", markup);
    }

    [Fact]
    public void A_condition_shows_its_field()
    {
        var cut = Render(new JsonObject { ["taiwan"] = true });
        Assert.Contains("入台证号", cut.Markup);
    }

    [Fact]
    public void Errors_are_shown_at_their_fields_including_table_cells()
    {
        var data = new JsonObject { ["members"] = new JsonArray(new JsonObject()) };
        var cut = Render(data, new Dictionary<string, string> { ["name"] = "is required", ["members[0].name"] = "must be filled in" });

        Assert.Contains("is required", cut.Markup);
        Assert.Contains("must be filled in", cut.Markup);
        Assert.Contains("成员姓名", cut.Markup);
    }

    [Fact]
    public void Entered_values_land_in_the_form_data()
    {
        var data = new JsonObject();
        var cut = Render(data);

        cut.FindAll("input").First(i => i.GetAttribute("type") is null or "text").Change("王明");
        cut.FindAll("input[type=checkbox]")[1].Change(true);
        cut.FindAll("button").First(b => b.TextContent.Contains("添加一行")).Click();

        Assert.Equal("王明", data["name"]!.GetValue<string>());
        Assert.Equal(["airport-vip"], data["courtesies"]!.AsArray().Select(x => x!.GetValue<string>()).ToList());
        Assert.Single(data["members"]!.AsArray());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are only asynchronously disposable.
    public async Task DisposeAsync() => await _ctx.DisposeAsync();
}
