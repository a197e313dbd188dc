namespace Approvals.Engine.Models;

public enum ActivityStatus
{
    Running,
    Completed,
    Canceled,
    Faulted,
}
