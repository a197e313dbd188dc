namespace Approvals.Activities.Tasks;

/// <summary>A change a burst commits to an existing task.</summary>
public interface ITaskChange
{
    string TaskId { get; }
}
