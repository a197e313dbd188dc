namespace Approvals.Host.Options;

/// <summary>
/// Where the Elsa Studio package (npm <c>@elsa-workflows/elsa-studio-wasm</c>) is found on disk, and its token's lifetime.
/// </summary>
public sealed class StudioOptions
{
    /// <summary>The package folder; relative paths start at the content root. The build installs it here.</summary>
    public string Root { get; set; } = "studio/node_modules/@elsa-workflows/elsa-studio-wasm";

    /// <summary>
    /// How long the studio page's token lasts. It opens <c>/elsa/api</c> only; the page renews it while it stays open,
    /// with the browser's sign-in, so a token copied out of the page is of little use.
    /// </summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(10);
}
