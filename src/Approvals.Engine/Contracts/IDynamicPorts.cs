using Approvals.Engine.Models;

namespace Approvals.Engine.Contracts;

/// <summary>An activity whose ports depend on its configuration (switch cases, fork branches).</summary>
public interface IDynamicPorts
{
    IReadOnlyList<string> GetPorts(ActivityNode node);
}
