namespace Approvals.Host.Storage;

/// <summary>Holds the data-folder lock while the host runs and lets go of it when the host stops.</summary>
internal sealed class DataFolderClaim(DataFolderLock held) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        held.Dispose();
        return Task.CompletedTask;
    }
}
