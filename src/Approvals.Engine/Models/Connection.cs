namespace Approvals.Engine.Models;

/// <summary>A flowchart edge from an activity's outbound port to another activity's inbound port.</summary>
public sealed record Connection(int Index, string SourceId, string SourcePort, string TargetId, string TargetPort);
