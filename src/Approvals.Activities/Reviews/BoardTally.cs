namespace Approvals.Activities.Reviews;

/// <summary>
/// Decides a board's outcome from its votes as soon as the remaining votes can no longer change it. With
/// <paramref name="final"/> (the due date has passed), the votes cast decide.
/// </summary>
public static class BoardTally
{
    public const string Approved = "Approved", Rejected = "Rejected", Deferred = "Deferred";

    public static string? Decide(BoardMode mode, int members, int approved, int rejected, int deferred, int quorum, int percentage,
        bool allowDeferred, bool final = false)
    {
        var cast = approved + rejected + deferred;
        var remaining = Math.Max(0, members - cast);
        var noDecision = allowDeferred ? Deferred : Rejected;
        switch (mode)
        {
            case BoardMode.All:
                if (rejected > 0) return Rejected;
                if (approved == members) return Approved;
                return remaining == 0 || final ? noDecision : null;
            case BoardMode.Any:
                if (approved > 0) return Approved;
                return remaining == 0 || final ? noDecision : null;
            case BoardMode.Quorum:
            case BoardMode.Percentage:
                var needed = mode == BoardMode.Quorum ? Math.Max(1, quorum)
                    : (int)Math.Ceiling(members * Math.Clamp(percentage, 1, 100) / 100.0);
                if (approved >= needed) return Approved;
                if (approved + remaining < needed) return deferred > 0 && allowDeferred ? Deferred : Rejected;
                return final ? noDecision : null;
            case BoardMode.Majority:
                var minimum = quorum > 0 ? quorum : members / 2 + 1;
                var (leader, count, tie) = Leader(approved, rejected, deferred, allowDeferred);
                // An absolute majority of all members can no longer be overturned.
                if (cast >= minimum && count * 2 > members && !tie) return leader;
                if (remaining > 0 && !final) return null;
                if (cast < minimum) return noDecision;
                return count * 2 > cast && !tie ? leader : noDecision;
            default:
                throw new ArgumentOutOfRangeException(nameof(mode));
        }
    }

    /// <summary>
    /// What the rule asks, in numbers: approvals needed to approve (All, Any, Quorum, Percentage), or votes that must be cast (Majority).
    /// </summary>
    public static int Needed(BoardMode mode, int members, int quorum, int percentage) => mode switch
    {
        BoardMode.All => members,
        BoardMode.Any => 1,
        BoardMode.Quorum => Math.Max(1, quorum),
        BoardMode.Percentage => (int)Math.Ceiling(members * Math.Clamp(percentage, 1, 100) / 100.0),
        _ => quorum > 0 ? quorum : members / 2 + 1,
    };

    private static (string Leader, int Count, bool Tie) Leader(int approved, int rejected, int deferred, bool allowDeferred)
    {
        var options = new List<(string, int)> { (Approved, approved), (Rejected, rejected) };
        if (allowDeferred) options.Add((Deferred, deferred));
        var ordered = options.OrderByDescending(o => o.Item2).ToList();
        return (ordered[0].Item1, ordered[0].Item2, ordered[1].Item2 == ordered[0].Item2);
    }
}
