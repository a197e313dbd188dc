namespace Approvals.Engine.Contracts;

/// <summary>
/// An activity that runs the activity in its <c>body</c> (a flowchart or a sequence), each run as a child instance of the body.
/// </summary>
public interface IContainsBody;
