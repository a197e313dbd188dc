namespace Approvals.Engine.Persistence;

/// <summary>
/// A <see cref="RowWriter"/> condition: the column (named by its entity property) holds one of <see cref="AnyOf"/>;
/// a null among them matches an empty column.
/// </summary>
public sealed record RowCondition(string Property, params object?[] AnyOf);
