namespace Approvals.Browser.Tests.Support;

/// <summary>Where the tests leave their screenshots: <c>artifacts/screenshots</c> at the repository root (named in the README).</summary>
public static class Screenshots
{
    public static string Folder { get; } = Find();

    public static string PathFor(string name) => Path.Combine(Folder, name + ".png");

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Approvals.sln"))) dir = dir.Parent;
        var folder = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
