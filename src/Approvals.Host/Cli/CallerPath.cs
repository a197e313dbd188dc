namespace Approvals.Host.Cli;

/// <summary>
/// Paths on the command line are the caller's: <c>dotnet run --project src/Approvals.Host -- workflows validate
/// workflows/*.json</c> starts the program in the project's folder, but the shell expanded the names in the folder the
/// command was typed in, which the shell keeps in <c>PWD</c>.
/// </summary>
internal static class CallerPath
{
    /// <summary>The file as the caller meant it: as given when it exists there, else relative to the caller's folder.</summary>
    public static string Resolve(string path)
    {
        if (Path.IsPathRooted(path) || File.Exists(path)) return path;
        return Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } caller && File.Exists(Path.Combine(caller, path))
            ? Path.Combine(caller, path)
            : path;
    }
}
