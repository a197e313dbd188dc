namespace Approvals.Testing;

/// <summary>
/// The compatibility corpus: real Elsa 3 definitions and Elsa 2 exports written by the Elsa project, read where they live
/// (<c>shared/elsa-corpus</c> beside the repository, or <c>APPROVALS_ELSA_CORPUS</c>); never copied into the project.
/// </summary>
public static class ElsaCorpus
{
    public static string Folder { get; } = Locate();

    public static IReadOnlyList<string> Files { get; } =
        Directory.GetFiles(Path.Combine(Folder, "v3"), "*.json").Concat(Directory.GetFiles(Path.Combine(Folder, "v2"), "*.json"))
            .Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The file whose name ends with <paramref name="suffix"/> (elsa-core's own file name, e.g. <c>Workflows-child-with-output.json</c>).
    /// </summary>
    public static string PathOf(string suffix) => Files.Single(f => f.EndsWith(suffix, StringComparison.Ordinal));

    public static string Read(string suffix) => File.ReadAllText(PathOf(suffix));

    private static string Locate()
    {
        if (Environment.GetEnvironmentVariable("APPROVALS_ELSA_CORPUS") is { Length: > 0 } configured) return configured;
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "shared", "elsa-corpus");
            if (Directory.Exists(Path.Combine(candidate, "v3"))) return candidate;
        }
        throw new DirectoryNotFoundException("The Elsa corpus (shared/elsa-corpus) was not found above " + AppContext.BaseDirectory +
            "; set APPROVALS_ELSA_CORPUS to its folder.");
    }
}
