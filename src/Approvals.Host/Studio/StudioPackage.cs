using Approvals.Host.Options;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Approvals.Host.Studio;

/// <summary>The installed Elsa Studio files, if the build could install them.</summary>
public sealed class StudioPackage(IOptions<StudioOptions> options, IWebHostEnvironment environment)
{
    public string Root { get; } = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Root));

    public bool IsInstalled => File.Exists(Path.Combine(Root, "_framework", "blazor.webassembly.js"));

    public IFileProvider Files => IsInstalled ? new PhysicalFileProvider(Root) : new NullFileProvider();
}
