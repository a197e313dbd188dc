namespace Approvals.Engine.Activities.Http;

/// <summary>
/// The one HTTP client the engine's outgoing requests share (pooled connections, renewed every few minutes for DNS changes).
/// </summary>
public sealed class OutgoingHttp : IDisposable
{
    public HttpClient Client { get; } =
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2), AllowAutoRedirect = true })
    {
        // Each request has its own timeout (the activity's input); this only stops the client's default from cutting it shorter.
        Timeout = System.Threading.Timeout.InfiniteTimeSpan,
    };

    public void Dispose() => Client.Dispose();
}
