namespace Approvals.Engine.Instances;

/// <summary>One page of a longer list, with how many items the whole list has.</summary>
public sealed record ResultPage<T>(IReadOnlyList<T> Items, int TotalCount);
