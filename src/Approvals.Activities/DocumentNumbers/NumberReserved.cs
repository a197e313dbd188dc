namespace Approvals.Activities.DocumentNumbers;

/// <summary>
/// The number a burst read as next for (key, year). At commit the sequence moves from <see cref="Number"/> - 1 to
/// <see cref="Number"/> only if nobody moved it first; otherwise the burst is re-run and reads again. So numbers are
/// given in commit order, never twice, and never skipped.
/// </summary>
public sealed record NumberReserved(string Key, int Year, int Number, string? RequestId, string? DocumentText);
