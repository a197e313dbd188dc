namespace Approvals.Engine.Persistence;

/// <summary>A column (named by its entity property) set to a value by a <see cref="RowWriter"/> statement.</summary>
public sealed record RowValue(string Property, object? Value);
