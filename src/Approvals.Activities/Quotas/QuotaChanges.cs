namespace Approvals.Activities.Quotas;

public sealed record QuotaConsumed(string RequestId, string UnitId, int Year, int Trips, int Persons, DateTimeOffset At);

public sealed record QuotaReleased(string RequestId, DateTimeOffset At);
