namespace Approvals.Activities.Tasks;

public enum HumanTaskStatus
{
    Open,
    Claimed,
    Completed,
    Cancelled,
}
