namespace Approvals.Engine.Descriptors;

public enum ActivityKind
{
    Action,
    Trigger,
    Job,
    Task,
}
