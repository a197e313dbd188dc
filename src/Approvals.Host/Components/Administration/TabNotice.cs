using MudBlazor;

namespace Approvals.Host.Components.Administration;

/// <summary>What an administration tab says after an action: the success, or the problems by field (nothing was saved).</summary>
public sealed record TabNotice(Severity Severity, string Text)
{
    public static TabNotice Of(IReadOnlyDictionary<string, string[]> errors, string success) =>
        errors.Count == 0
            ? new(Severity.Success, success)
            : new(Severity.Error, string.Join("；", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));

    public static TabNotice Of(Activities.Tasks.DecisionInvalidException refused) =>
        Of(new Dictionary<string, string[]> { [refused.Field] = [refused.Message] }, "");
}
