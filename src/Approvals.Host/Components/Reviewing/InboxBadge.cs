using Approvals.Activities.Tasks;

namespace Approvals.Host.Components.Reviewing;

/// <summary>
/// The number of open tasks on the top bar's inbox link, for one browser tab (a circuit): read when the bar first renders and
/// again after a decision made in this tab.
/// </summary>
public sealed class InboxBadge(Inbox inbox)
{
    public int? Count { get; private set; }

    public event Action? Changed;

    /// <summary>Reads the counts again and shows them; the counts are returned for pages that show them too (the inbox tabs).</summary>
    public async Task<InboxCounts> RefreshAsync(string userId)
    {
        var counts = await inbox.CountAsync(userId);
        Count = counts.All;
        Changed?.Invoke();
        return counts;
    }
}
