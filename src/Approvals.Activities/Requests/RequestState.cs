namespace Approvals.Activities.Requests;

public enum RequestState
{
    InProgress,
    Returned,
    Approved,
    Rejected,
    Withdrawn,
    Closed,
}
