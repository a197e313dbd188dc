namespace Approvals.Host.Storage;

/// <summary>Makes the container create (and so, at the end, dispose) the data-folder lock with the host.</summary>
internal sealed class DataFolderClaim(DataFolderLock held) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        held.Dispose();
        return Task.CompletedTask;
    }
}
