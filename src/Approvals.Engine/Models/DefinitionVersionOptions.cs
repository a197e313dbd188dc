namespace Approvals.Engine.Models;

/// <summary>Which version of a definition to pick, as Elsa's <c>versionOptions</c> query says it.</summary>
public enum DefinitionVersionOptions
{
    Latest,
    Published,
    LatestOrPublished,
    Draft,
    All,
}
