namespace Approvals.Host.Storage;

/// <summary>
/// The embedded SQLite database is for one host: this lock, an exclusive lock on a file in the data folder held while the
/// host runs, makes a second host on the same folder refuse to start with a message that says why, instead of the two
/// fighting over the file. Taking it also proves the folder exists and can be written, before anything else touches it.
/// </summary>
public sealed class DataFolderLock : IDisposable
{
    public const string FileName = "approvals.lock";
    private readonly FileStream _file;

    private DataFolderLock(FileStream file) => _file = file;

    /// <summary>Takes the lock, or throws <see cref="DataFolderException"/> with a message for the person starting the host.</summary>
    public static DataFolderLock Take(string dataDirectory)
    {
        var folder = Path.GetFullPath(dataDirectory);
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DataFolderException($"The data folder '{folder}' does not exist and cannot be created: {ex.Message}", ex);
        }
        var path = Path.Combine(folder, FileName);
        try
        {
            var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            file.SetLength(0);
            var pid = System.Text.Encoding.UTF8.GetBytes($"{Environment.ProcessId}\n");
            file.Write(pid);
            file.Flush();
            return new DataFolderLock(file);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new DataFolderException(
                $"The data folder '{folder}' cannot be written (permission denied): the host keeps its database there. " +
                "Give the host's account write access, or choose another folder with --Approvals:DataDirectory=<folder>.", ex);
        }
        catch (IOException ex) when (IsLocked(ex))
        {
            throw new DataFolderException(
                $"Another Approvals host is already running on the data folder '{folder}'. The embedded SQLite database " +
                "serves one host; to run several hosts, point them all at one PostgreSQL database " +
                "(ConnectionStrings:Approvals=Host=…).", ex);
        }
        catch (IOException ex)
        {
            throw new DataFolderException($"The data folder '{folder}' cannot be used: {ex.Message}", ex);
        }
    }

    // EWOULDBLOCK from the advisory lock .NET takes for FileShare.None; a read-only file system is EROFS (reported above as IOException).
    private static bool IsLocked(IOException ex) => ex.HResult == 11 || ex.Message.Contains("being used by another process",
        StringComparison.OrdinalIgnoreCase);

    public void Dispose() => _file.Dispose();
}

/// <summary>The data folder cannot be used; the message says which folder and why.</summary>
public sealed class DataFolderException(string message, Exception inner) : Exception(message, inner);
