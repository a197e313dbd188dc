using Approvals.Activities.Reviews;

namespace Approvals.Activities.Tests.Domain;

public sealed class BoardTallyTests
{
    [Theory]
    // members, approved, rejected, deferred, expected — majority of votes cast, quorum 3 of 5, deferral allowed
    [InlineData(5, 3, 0, 0, "Approved")]
    [InlineData(5, 2, 1, 0, null)]
    [InlineData(5, 0, 3, 0, "Rejected")]
    [InlineData(5, 2, 2, 1, "Deferred")]
    [InlineData(5, 3, 2, 0, "Approved")]
    [InlineData(5, 1, 1, 3, "Deferred")]
    [InlineData(4, 2, 2, 0, "Deferred")]
    public void Majority_with_quorum(int members, int approved, int rejected, int deferred, string? expected) =>
        Assert.Equal(expected, BoardTally.Decide(BoardMode.Majority, members, approved, rejected, deferred, quorum: 3,
            percentage: 0, allowDeferred: true));

    [Fact]
    public void Majority_at_the_due_date_decides_on_votes_cast_once_the_quorum_voted()
    {
        Assert.Equal("Approved", BoardTally.Decide(BoardMode.Majority, 5, 2, 1, 0, 3, 0, true, final: true));
        Assert.Equal("Deferred", BoardTally.Decide(BoardMode.Majority, 5, 2, 0, 0, 3, 0, true, final: true));
        Assert.Equal("Rejected", BoardTally.Decide(BoardMode.Majority, 5, 2, 0, 0, 3, 0, false, final: true));
        Assert.Equal("Deferred", BoardTally.Decide(BoardMode.Majority, 5, 2, 2, 0, 3, 0, true, final: true));
    }

    [Theory]
    [InlineData(BoardMode.All, 3, 3, 0, "Approved")]
    [InlineData(BoardMode.All, 3, 2, 0, null)]
    [InlineData(BoardMode.All, 3, 1, 1, "Rejected")]
    [InlineData(BoardMode.Any, 3, 1, 0, "Approved")]
    [InlineData(BoardMode.Any, 3, 0, 2, null)]
    [InlineData(BoardMode.Any, 3, 0, 3, "Rejected")]
    [InlineData(BoardMode.Quorum, 5, 2, 0, "Approved")]
    [InlineData(BoardMode.Quorum, 5, 1, 4, "Rejected")]
    [InlineData(BoardMode.Quorum, 5, 1, 3, null)]
    [InlineData(BoardMode.Percentage, 4, 3, 0, "Approved")]
    [InlineData(BoardMode.Percentage, 4, 2, 0, null)]
    [InlineData(BoardMode.Percentage, 4, 1, 2, "Rejected")]
    public void Other_modes(BoardMode mode, int members, int approved, int rejected, string? expected) =>
        Assert.Equal(expected, BoardTally.Decide(mode, members, approved, rejected, 0, quorum: 2, percentage: 75, allowDeferred: false));
}
