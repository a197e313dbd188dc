using System.Text.RegularExpressions;
using Approvals.Activities.Forms;

namespace Approvals.Host.Components.Localization;

/// <summary>
/// The form validator's messages (English, with field names as keys) as the page's reader reads them: in Chinese on Chinese
/// pages, and with the other field's label instead of its key ("must not be before Departure date" / "不能早于出发日期").
/// </summary>
public static partial class FormErrorText
{
    public static string Of(string message, FormSchema form, bool english)
    {
        string Label(string key) => Find(form.Fields, key) is { } field ? (english ? field.LabelEn ?? field.Label : field.Label
            ?? field.LabelEn) ?? key : key;
        if (NotBefore().Match(message) is { Success: true } before)
            return english ? $"must not be before {Label(before.Groups["f"].Value)}" : $"不能早于{Label(before.Groups["f"].Value)}";
        if (english) return message;
        if (AtLeast().Match(message) is { Success: true } least) return $"不能小于 {least.Groups["n"].Value}";
        if (AtMostCharacters().Match(message) is { Success: true } chars) return $"不能超过 {chars.Groups["n"].Value} 个字";
        if (AtMost().Match(message) is { Success: true } most) return $"不能大于 {most.Groups["n"].Value}";
        if (NotAChoice().Match(message) is { Success: true } choice) return $"“{choice.Groups["v"].Value}”不是可选项";
        if (message.StartsWith("contains a control character", StringComparison.Ordinal)) return "含有控制字符，请删除后重试";
        if (message.StartsWith("contains a broken character", StringComparison.Ordinal) || message == "is not valid UTF-8 text")
            return "含有无法识别的字符";
        return message switch
        {
            "is required" => "必填",
            "must be text" => "须为文字",
            "must be a number" => "须为数字",
            "must be a whole number" => "须为整数",
            "must be a date (yyyy-MM-dd)" => "须为日期（年-月-日）",
            "must be a date and time" => "须为日期和时间",
            "must be true or false" => "须为是或否",
            "has the wrong format" => "格式不正确",
            "must be one choice" => "须选择一项",
            "must be a list of choices" => "须为选项列表",
            "is not a field of this form" => "不是本表单的栏目",
            _ => message,
        };
    }

    private static FormField? Find(IEnumerable<FormField> fields, string key) =>
        fields.FirstOrDefault(f => f.Name == key) ?? fields.SelectMany(f => f.Columns ?? []).FirstOrDefault(f => f.Name == key);

    [GeneratedRegex("^must not be before (?<f>[A-Za-z0-9_]+)$")] private static partial Regex NotBefore();
    [GeneratedRegex("^must be at least (?<n>[-0-9.]+)$")] private static partial Regex AtLeast();
    [GeneratedRegex("^must be at most (?<n>[0-9]+) characters$")] private static partial Regex AtMostCharacters();
    [GeneratedRegex("^must be at most (?<n>[-0-9.]+)$")] private static partial Regex AtMost();
    [GeneratedRegex("^'(?<v>.*)' is not one of the choices$")] private static partial Regex NotAChoice();
}
