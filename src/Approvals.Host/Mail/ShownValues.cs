using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Approvals.Activities.Forms;
using Approvals.Activities.Requests;

namespace Approvals.Host.Mail;

/// <summary>
/// A request's data as a letter shows it, in the reader's language: choices by their names (not codes), countries by
/// name, times in the office's time zone, lists joined. Templates read <c>request.shown["field"]</c> (bracketed, since
/// Liquid reads <c>.size</c> of an object as its number of keys).
/// </summary>
public static class ShownValues
{
    public static Dictionary<string, object?> Of(RequestType? type, JsonObject data, bool english, TimeZoneInfo zone)
    {
        var shown = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in data)
        {
            var field = type?.Form.Fields.FirstOrDefault(f => f.Name == name);
            shown[name] = Show(field, value, english, zone);
        }
        return shown;
    }

    private static string? Show(FormField? field, JsonNode? value, bool english, TimeZoneInfo zone)
    {
        var separator = english ? ", " : "、";
        switch (value)
        {
            case null:
                return null;
            case JsonArray list when field?.Type is "table":
                return string.Join(separator,
                    list.OfType<JsonObject>()
                    .Select(row => string.Join(" ",
                        row.Select(c => Show(field.Columns?.FirstOrDefault(x => x.Name == c.Key), c.Value, english, zone)))));
            case JsonArray list:
                return string.Join(separator, list.Select(item => Show(field, item, english, zone)));
            case JsonObject:
                return value.ToJsonString();
        }
        var text = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
        switch (field?.Type)
        {
            case "select" or "checklist" when field.Options?.FirstOrDefault(o => o.Value == text) is { } option:
                return (english ? option.LabelEn : option.Label) ?? option.Label ?? option.Value;
            case "country" or "countries":
                return Components.Forms.CountryNames.Of(text, english);
            case "datetime" when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment):
                return TimeZoneInfo.ConvertTime(moment, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            case "boolean":
                return value.GetValueKind() == JsonValueKind.True ? english ? "yes" : "是" : english ? "no" : "否";
            default:
                return text;
        }
    }
}
