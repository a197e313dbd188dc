using Approvals.Engine.Contracts;
using Approvals.Engine.Descriptors;

namespace Approvals.Engine.Activities;

/// <summary>
/// Merges branches. WaitAll waits for every inbound branch that can still arrive (an untaken decision
/// branch does not block); WaitAny continues on the first and cancels the other inbound branches and
/// their bookmarks. The executor applies the mode; the activity itself just continues.
/// </summary>
[Activity("Elsa", "FlowJoin", "Branching", DisplayName = "Join", Description = "Merges inbound branches (WaitAll or WaitAny).")]
public sealed class FlowJoin : Activity
{
    [Input(Description = "WaitAll or WaitAny.", Options = ["WaitAny", "WaitAll"], DefaultValue = "WaitAny")]
    public string Mode { get; set; } = "WaitAny";
}
