using System.Collections.Concurrent;
using Approvals.Engine.Contracts;

namespace Approvals.Engine.Tests.Support;

public sealed class CapturingTextWriter : IWorkflowTextWriter
{
    private readonly ConcurrentQueue<(string Instance, string Text)> _lines = new();

    public void WriteLine(string workflowInstanceId, string text) => _lines.Enqueue((workflowInstanceId, text));

    public IReadOnlyList<string> Lines => _lines.Select(l => l.Text).ToList();

    public IReadOnlyList<string> LinesOf(string instanceId) => _lines.Where(l => l.Instance == instanceId).Select(l => l.Text).ToList();
}
