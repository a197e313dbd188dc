using System.Globalization;
using System.Text.Json.Nodes;
using Approvals.Activities.Requests;
using Approvals.Engine.Contracts;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;

namespace Approvals.Activities.Policy;

/// <summary>
/// Checks a travel request against the travel policy (limits are policy data: this activity's inputs in the
/// definition). The results are shown to every reviewer; nothing is refused automatically.
/// </summary>
[Activity("Approvals", "TravelPolicyCheck", "Approvals", DisplayName = "Travel policy check",
    Description = "Countries, days, group size, invitation, budget per person per day.")]
public sealed class TravelPolicyCheck : Activity
{
    [Input(DisplayName = "Maximum countries")] public int MaxCountries { get; set; } = 3;

    [Input(DisplayName = "Maximum days by countries",
        Description = "JSON: number of countries → maximum days, e.g. {\"1\":5,\"2\":7,\"3\":10}.", UIHint = UIHints.JsonEditor)]
    public JsonObject? MaxDaysByCountries { get; set; }

    [Input(DisplayName = "Maximum group size")] public int MaxGroupSize { get; set; } = 6;
    [Input(DisplayName = "Invitation letter required")] public bool RequireInvitation { get; set; } = true;
    [Input(DisplayName = "Maximum budget per person per day (CNY)")] public decimal MaxBudgetPerPersonPerDay { get; set; } = 3000;

    [Output] public object? Checks { get; set; }

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var data = context.WorkflowInput["data"] as JsonObject ?? [];
        var countries = (data["destinations"] as JsonArray ?? []).Select(d => d is JsonObject o
            ? o["country"]?.GetValue<string>() : d?.GetValue<string>())
            .Where(c => c is not null).Distinct().Count();
        var departure = Date(data["departureDate"]);
        var @return = Date(data["returnDate"]);
        var days = departure is { } d1 && @return is { } d2 ? d2.DayNumber - d1.DayNumber + 1 : 0;
        var persons = (data["members"] as JsonArray)?.Count ?? 0;
        var budget = Engine.Expressions.ValueConverter.TryGetNumber(data["budget"], out var value) ? value : 0m;
        int? maxDays = Engine.Expressions.ValueConverter.TryGetNumber(MaxDaysByCountries?[Math.Min(countries, MaxCountries)
            .ToString(CultureInfo.InvariantCulture)], out var limit) ? (int)limit : null;
        var perDay = persons > 0 && days > 0 ? Math.Round(budget / persons / days, 2) : 0m;

        var checks = new JsonArray
        {
            Check("countries", countries <= MaxCountries, countries, MaxCountries,
                $"{countries} {(countries == 1 ? "country" : "countries")} (at most {MaxCountries})"),
            Check("days", maxDays is null || days <= maxDays, days, maxDays, maxDays is null ? $"{days} days"
                : $"{days} days for {countries} countries (at most {maxDays})"),
            Check("group-size", persons <= MaxGroupSize, persons, MaxGroupSize, $"{persons} persons (at most {MaxGroupSize})"),
            Check("invitation", !RequireInvitation || data["invitationLetter"] is JsonValue, data["invitationLetter"] is JsonValue ? 1 : 0,
                RequireInvitation ? 1 : 0,
                data["invitationLetter"] is JsonValue ? "invitation letter attached" : "no invitation letter"),
            Check("budget", perDay <= MaxBudgetPerPersonPerDay, perDay, MaxBudgetPerPersonPerDay,
                $"{perDay} CNY per person per day (at most {MaxBudgetPerPersonPerDay})"),
        };
        Checks = checks;
        if (RequestContext.From(context).RequestId is { } id)
            context.AddCommitItem(new RequestUpdated(id) { PolicyChecks = (JsonArray)checks.DeepClone() });
        context.Complete();
        return ValueTask.CompletedTask;
    }

    private static JsonObject Check(string code, bool passed, decimal value, decimal? limit, string message) => new()
    {
        ["code"] = code,
        ["passed"] = passed,
        ["value"] = value,
        ["limit"] = limit,
        ["message"] = message,
    };

    private static DateOnly? Date(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && DateOnly.TryParse(s, CultureInfo.InvariantCulture, out var d) ? d : null;
}
