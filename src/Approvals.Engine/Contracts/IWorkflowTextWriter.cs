namespace Approvals.Engine.Contracts;

/// <summary>Where <c>Elsa.WriteLine</c> writes; the host logs it, tests capture it.</summary>
public interface IWorkflowTextWriter
{
    void WriteLine(string workflowInstanceId, string text);
}
