namespace Approvals.Host.Jobs;

/// <summary>
/// An in-process nudge for the mail sweep: a commit that wrote mail wakes it at once instead of at its next poll.
/// Costs nothing on the request path and is never needed for correctness: the sweep polls anyway.
/// </summary>
public sealed class SweepSignal
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken.
        }
    }

    /// <summary>Waits for a nudge or for <paramref name="timeout"/>, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);
}
