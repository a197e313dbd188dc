using Approvals.Activities.Forms;
using Approvals.Host.Components.Localization;

namespace Approvals.Host.Tests.Ui;

/// <summary>Form errors in the page's language, naming other fields by their labels rather than their keys.</summary>
public sealed class FormErrorTextTests
{
    private static readonly FormSchema Form = new(
    [
        new FormField { Name = "departureDate", Type = "date", Label = "出发日期", LabelEn = "Departure date" },
        new FormField { Name = "returnDate", Type = "date", Label = "返回日期", LabelEn = "Return date", NotBefore = "departureDate" },
        new FormField { Name = "size", Type = "integer", Label = "人数", LabelEn = "Size", Min = 1 },
    ]);

    [Theory]
    [InlineData("is required", false, "必填")]
    [InlineData("must not be before departureDate", false, "不能早于出发日期")]
    [InlineData("must not be before departureDate", true, "must not be before Departure date")]
    [InlineData("must be at least 1", false, "不能小于 1")]
    [InlineData("must be at most 200 characters", false, "不能超过 200 个字")]
    [InlineData("must be a date (yyyy-MM-dd)", false, "须为日期（年-月-日）")]
    [InlineData("'visa' is not one of the choices", false, "“visa”不是可选项")]
    [InlineData("contains a control character (U+0000 at position 3)", false, "含有控制字符，请删除后重试")]
    [InlineData("is required", true, "is required")]
    public void Messages_read_in_the_pages_language(string message, bool english, string shown) =>
        Assert.Equal(shown, FormErrorText.Of(message, Form, english));
}
