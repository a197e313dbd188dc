namespace Approvals.Host.Mail;

/// <summary>Decision outcomes as a letter in each language names them (the pages' buttons use the same words).</summary>
public static class OutcomeLabels
{
    private static readonly Dictionary<string, (string Chinese, string English)> Labels = new(StringComparer.Ordinal)
    {
        ["Approved"] = ("同意", "Approve"), ["Rejected"] = ("不同意", "Reject"), ["Returned"] = ("退回修改", "Return for revision"),
        ["Resubmitted"] = ("重新提交", "Resubmit"), ["Withdrawn"] = ("撤回", "Withdraw"), ["Deferred"] = ("推迟审议", "Defer"), ["Recorded"] = ("确认登记", "Record"),
    };

    public static string Of(string outcome, bool english) =>
        Labels.TryGetValue(outcome, out var label) ? english ? label.English : label.Chinese : outcome;
}
