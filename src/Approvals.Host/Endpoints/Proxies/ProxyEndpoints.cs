namespace Approvals.Host.Endpoints.Proxies;

/// <summary>Proxies: everyone sees the proxies they hold or gave, and names one for themselves (administrators for anyone).</summary>
internal static class ProxyEndpoints
{
    public static void MapProxiesApi(this RouteGroupBuilder api)
    {
        var proxies = api.MapGroup("/proxies").WithTags("Proxies");
        ListMyProxies.Map(proxies);
        SetProxy.Map(proxies);
    }
}
