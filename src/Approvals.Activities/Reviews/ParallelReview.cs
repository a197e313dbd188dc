using System.Text.Json.Nodes;
using Approvals.Activities.Contracts;
using Approvals.Activities.Tasks;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;

namespace Approvals.Activities.Reviews;

/// <summary>
/// A board vote: every member (named users, or the members of roles when the stage starts) gets a vote; the stage
/// closes as soon as the outcome is decided, and the remaining votes are cancelled.
/// </summary>
[Activity("Approvals", "ParallelReview", "Approvals", DisplayName = "Board vote",
    Description = "Several members vote; the mode decides the outcome.", Kind = ActivityKind.Task)]
[FlowNode("Approved", "Rejected", "Deferred")]
public sealed class ParallelReview : HumanTaskActivity
{
    [Input(Description = "Member user ids.", UIHint = UIHints.MultiText, Order = 2)]
    public string[] Members { get; set; } = [];

    [Input(Description = "Roles whose members vote; resolved when the stage starts.", UIHint = UIHints.MultiText, Order = 3)]
    public string[] Roles { get; set; } = [];

    [Input(Description = "All, Any, Quorum, Percentage or Majority (of votes cast).", Order = 4)]
    public BoardMode Mode { get; set; } = BoardMode.Majority;

    [Input(Description = "Quorum: approvals needed; Majority: votes that must be cast.", Order = 5)]
    public int Quorum { get; set; }

    [Input(Description = "Percentage of members that must approve.", Order = 6)]
    public int Percentage { get; set; } = 50;

    [Input(DisplayName = "Allow deferral", Description = "Members may defer to the next meeting; no majority then defers.", Order = 7)]
    public bool AllowDeferred { get; set; }

    [Input(DisplayName = "Override required",
        Description = "When true (over quota), an approving vote needs a written reason: the override.", Order = 8)]
    public bool RequireOverride { get; set; }

    [Output] public string? Outcome { get; set; }
    [Output] public object? Tally { get; set; }

    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var directory = context.GetRequiredService<IUserDirectory>();
        var members = new List<string>(Members.Where(m => !string.IsNullOrWhiteSpace(m)));
        foreach (var role in Roles)
            members.AddRange((await directory.UsersInRoleAsync(role, null, context.CancellationToken)).Select(u => u.Id));
        members = members.Distinct().ToList();
        if (members.Count == 0) throw new InvalidOperationException($"Board '{context.Node.DisplayName}' has no members.");

        var outcomes = AllowDeferred ? new[] { "Approved", "Rejected", "Deferred" } : ["Approved", "Rejected"];
        var state = context.ExecutionState;
        state["members"] = new JsonArray(members.Select(m => (JsonNode?)m).ToArray());
        state["votes"] = new JsonObject();
        // The rule, so the page can say what is needed ("3 of 5 must approve").
        state["rule"] = new JsonObject { ["mode"] = Mode.ToString(), ["quorum"] = Quorum, ["percentage"] = Percentage };
        await StartTimersAsync(context);
        foreach (var member in members)
            await OpenTaskAsync(context, "board-vote", member, [], null, outcomes,
                RequireOverride ? ["Approved", "Rejected"] : ["Rejected"],
                title: Title is null ? null : $"{Title}");
        context.AddCommitItem(Audit(context, "system", "BoardConvened") with
        {
            Data = new JsonObject { ["members"] = members.Count, ["mode"] = Mode.ToString(), ["quorum"] = Quorum,
                ["overQuota"] = RequireOverride },
        });
    }

    protected override async ValueTask OnDecisionAsync(ActivityExecutionContext context, TaskDecision decision)
    {
        var votes = (JsonObject)context.ExecutionState["votes"]!;
        votes[decision.TaskId] = new JsonObject { ["member"] = decision.OnBehalfOf ?? decision.ActedBy, ["outcome"] = decision.Outcome,
            ["comment"] = decision.Comment };
        context.AddCommitItem(DecisionAudit(context, decision, "Vote"));
        await DecideAsync(context, final: false);
    }

    protected override async ValueTask OnDueAsync(ActivityExecutionContext context)
    {
        await base.OnDueAsync(context);
        await DecideAsync(context, final: true);
    }

    private async Task DecideAsync(ActivityExecutionContext context, bool final)
    {
        var state = context.ExecutionState;
        var members = ((JsonArray)state["members"]!).Count;
        var votes = ((JsonObject)state["votes"]!).Select(v => v.Value!["outcome"]!.GetValue<string>()).ToList();
        int Count(string o) => votes.Count(v => v == o);
        var tally = new JsonObject
        {
            ["members"] = members,
            ["approved"] = Count(BoardTally.Approved),
            ["rejected"] = Count(BoardTally.Rejected),
            ["deferred"] = Count(BoardTally.Deferred),
            ["mode"] = Mode.ToString(),
            ["quorum"] = Quorum,
        };
        Tally = tally;
        var outcome = BoardTally.Decide(Mode, members, Count(BoardTally.Approved), Count(BoardTally.Rejected), Count(BoardTally.Deferred),
            Quorum, Percentage, AllowDeferred, final);
        if (outcome is null) return;

        Outcome = outcome;
        context.AddCommitItem(Audit(context, "system", "BoardDecision") with { StatusAfter = outcome,
            Data = (JsonObject)tally.DeepClone() });
        if (RequireOverride && outcome == BoardTally.Approved)
        {
            var reasons = new JsonArray(((JsonObject)state["votes"]!)
                .Where(v => v.Value!["outcome"]!.GetValue<string>() == BoardTally.Approved)
                .Select(v => (JsonNode?)new JsonObject { ["member"] = v.Value!["member"]!.DeepClone(),
                    ["reason"] = v.Value["comment"]?.DeepClone() }).ToArray());
            context.AddCommitItem(Audit(context, "system",
                "QuotaOverride") with { Comment = "The review board approved the request over its unit's quota.",
                Data = new JsonObject { ["reasons"] = reasons } });
        }
        // A rejection is told once, by the flow's closing notice (with the members' reasons).
        if (outcome != BoardTally.Rejected)
            await Notifications.Notifications.SendAsync(context, outcome == BoardTally.Approved ? "stage-cleared"
                : "deferred", ["applicant"],
                new JsonObject { ["outcome"] = outcome, ["title"] = Title, ["tally"] = tally.DeepClone() });
        context.Complete(outcome);
    }
}
