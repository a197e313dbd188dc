namespace Approvals.Host.Tests.Support;

/// <summary>Several host processes on one database; the first prepares the schema and the seed, the others join it.</summary>
public sealed class HostGroup : IAsyncDisposable, IReadOnlyList<HostProcess>
{
    private readonly List<HostProcess> _hosts;

    private HostGroup(List<HostProcess> hosts) => _hosts = hosts;

    public static async Task<HostGroup> StartAsync(int count, IReadOnlyDictionary<string, string> settings)
    {
        var hosts = new List<HostProcess>();
        try
        {
            hosts.Add(await HostProcess.Start(settings).ReadyAsync());
            var others = Enumerable.Range(1, count - 1).Select(_ => HostProcess.Start(settings)).ToList();
            hosts.AddRange(others);
            await Task.WhenAll(others.Select(h => h.ReadyAsync()));
            return new HostGroup(hosts);
        }
        catch
        {
            foreach (var host in hosts) await host.DisposeAsync();
            throw;
        }
    }

    public HostProcess this[int index] => _hosts[index];
    public int Count => _hosts.Count;
    public IEnumerator<HostProcess> GetEnumerator() => _hosts.GetEnumerator();
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts) await host.DisposeAsync();
    }
}
