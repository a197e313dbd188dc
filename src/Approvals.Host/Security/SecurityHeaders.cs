namespace Approvals.Host.Security;

/// <summary>
/// Headers on every response: no type sniffing, no referrer to other sites, and a Content-Security-Policy that lets our
/// pages run only their own scripts, talk only to this host and never be framed. The studio page sets its own (it needs
/// WebAssembly); the job dashboard and the API explorer, third-party pages with inline scripts, still may not be framed.
/// </summary>
public static class SecurityHeaders
{
    public const string PagePolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: " +
        "blob:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private const string FramingOnly = "frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            if (headers.ContentSecurityPolicy.Count == 0)
            {
                var path = context.Request.Path;
                headers.ContentSecurityPolicy = path.StartsWithSegments("/hangfire") || path.StartsWithSegments("/openapi")
                    ? FramingOnly : PagePolicy;
            }
            return Task.CompletedTask;
        });
        await next();
    });
}
