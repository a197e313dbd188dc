using Approvals.Engine.Models;

namespace Approvals.Engine.Execution;

/// <summary>A definition has problems; <see cref="Problems"/> names every one.</summary>
public sealed class InvalidDefinitionException(IReadOnlyList<DefinitionProblem> problems)
    : Exception("The workflow definition is not valid:" + Environment.NewLine + string.Join(Environment.NewLine,
        problems.Select(p => "  - " + p)))
{
    public IReadOnlyList<DefinitionProblem> Problems { get; } = problems;
}
