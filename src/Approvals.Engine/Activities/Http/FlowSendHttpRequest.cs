using Approvals.Engine.Contracts;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;
using Approvals.Engine.Expressions;
using Approvals.Engine.Models;

namespace Approvals.Engine.Activities.Http;

/// <summary>
/// The flowchart form of <see cref="SendHttpRequest"/>: one port per expected status code, and ports for the rest, a failed connection and
/// a timeout.
/// </summary>
[Activity("Elsa", "FlowSendHttpRequest", "HTTP", DisplayName = "HTTP Request (flow)",
    Description = "Sends an HTTP request and continues by its status code.")]
public sealed class FlowSendHttpRequest : SendHttpRequest, IDynamicPorts
{
    public const string Unmatched = "Unmatched status code";
    public const string FailedToConnect = "Failed to connect";
    public const string TimedOut = "Timeout";

    protected override void OnResponse(ActivityExecutionContext context, int status) =>
        context.Complete(ExpectedStatusCodes.Contains(status) ? status.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : Unmatched);

    protected override void OnFailure(ActivityExecutionContext context, string port, string message)
    {
        context.Log("HttpRequestFailed", message);
        context.Complete(port == "Timeout" ? TimedOut : FailedToConnect);
    }

    public IReadOnlyList<string> GetPorts(ActivityNode node) =>
        [.. ValueConverter.ConstantArray<int>(node, "expectedStatusCodes")
            .Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)), Unmatched, FailedToConnect, TimedOut];
}
