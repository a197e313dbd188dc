namespace Approvals.Host.Options;

/// <summary>Where the Elsa Studio package (npm <c>@elsa-workflows/elsa-studio-wasm</c>) is found on disk.</summary>
public sealed class StudioOptions
{
    /// <summary>The package folder; relative paths start at the content root. The build installs it here.</summary>
    public string Root { get; set; } = "studio/node_modules/@elsa-workflows/elsa-studio-wasm";
}
