using System.Net;
using Approvals.Host.Identity;
using Approvals.Host.Options;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.StaticFiles;

namespace Approvals.Host.Studio;

/// <summary>
/// Serves the real Elsa Studio (Blazor WebAssembly custom elements) at <c>/studio</c>, talking to our <c>/elsa/api</c>.
/// The studio is its own Blazor runtime, so it gets its own page rather than living inside ours.
/// </summary>
public static class StudioEndpoints
{
    public const string BasePath = "/studio";
    public const string TokenPath = BasePath + "/token";
    private const string CompressedFlag = "studio.br";

    public static WebApplication UseElsaStudioFiles(this WebApplication app)
    {
        var package = app.Services.GetRequiredService<StudioPackage>();
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".wasm"] = "application/wasm";
        types.Mappings[".dat"] = "application/octet-stream";
        types.Mappings[".br"] = "application/octet-stream";

        // The package ships Brotli copies of every framework file: send those (a quarter of the bytes) when the browser takes br.
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (path.StartsWithSegments(BasePath + "/_framework", out var rest) && rest.HasValue
                && context.Request.Headers.AcceptEncoding.ToString().Contains("br", StringComparison.OrdinalIgnoreCase)
                && package.IsInstalled && File.Exists(Path.Combine(package.Root, "_framework", rest.Value!.TrimStart('/') + ".br"))
                && types.TryGetContentType(path.Value!, out var type))
            {
                context.Items[CompressedFlag] = type;
                context.Request.Path = path + ".br";
            }
            await next();
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = BasePath,
            FileProvider = package.Files,
            ContentTypeProvider = types,
            OnPrepareResponse = file =>
            {
                var response = file.Context.Response;
                if (file.Context.Items[CompressedFlag] is string type)
                {
                    response.ContentType = type;
                    response.Headers.ContentEncoding = "br";
                }
                response.Headers.Vary = "Accept-Encoding";
                // Framework files carry a content hash in their names; the rest may change with a new package.
                response.Headers.CacheControl = file.Context.Request.Path.StartsWithSegments(BasePath + "/_framework")
                    && !file.File.Name.StartsWith("blazor.", StringComparison.Ordinal)
                    ? "public, max-age=604800, immutable"
                    : "no-cache";
            },
        });
        return app;
    }

    public static void MapElsaStudio(this IEndpointRouteBuilder app)
    {
        app.MapGet(BasePath, Page).RequireAuthorization(HostingExtensions.StudioPolicy).ExcludeFromDescription();
        app.MapPost(TokenPath, RenewAsync).RequireAuthorization(HostingExtensions.StudioPolicy).DisableAntiforgery()
            .ExcludeFromDescription();
        // The package's own sample page loads fonts from the internet and names an element 3.8.2 lacks.
        app.MapGet(BasePath + "/index.html", () => Results.Redirect(BasePath)).ExcludeFromDescription();
    }

    public sealed record StudioToken(string AccessToken, DateTimeOffset ExpiresAt);

    /// <summary>A fresh Elsa-only token for an open studio page, with the browser's sign-in and the page's antiforgery token.</summary>
    private static async Task<IResult> RenewAsync(HttpContext http, BearerTokens tokens, IAntiforgery antiforgery,
        IOptions<StudioOptions> options)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid request.",
                detail: "The designer page is out of date; reload it.");
        var (token, expiresAt) = tokens.IssueForElsa(http.User, options.Value.TokenLifetime);
        http.Response.Headers.CacheControl = "no-store";
        return Results.Ok(new StudioToken(token, expiresAt));
    }

    private static async Task<IResult> Page(HttpContext http, StudioPackage package, BearerTokens tokens, IAntiforgery antiforgery,
        IOptions<StudioOptions> options,
        Approvals.Engine.Runtime.WorkflowRuntime runtime, Approvals.Engine.Definitions.WorkflowDefinitionStore definitions,
        string? definition, string? instance, string? view, string? back)
    {
        var english = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        if (!package.IsInstalled)
            return Results.Content(NotInstalled(package.Root, english), "text/html; charset=utf-8", statusCode: 503);
        // The studio shows its own stack trace for an id that does not exist; say so plainly instead.
        if (!string.IsNullOrWhiteSpace(instance) && await runtime.GetStateAsync(instance) is null)
            return Results.Content(NotFound(english ? $"There is no workflow instance '{instance}'." : $"没有流程实例“{instance}”。", english),
                "text/html; charset=utf-8", statusCode: 404);
        if (!string.IsNullOrWhiteSpace(definition) && await definitions.FindAsync(definition,
            Approvals.Engine.Models.DefinitionVersionOptions.Latest) is null)
            return Results.Content(NotFound(english ? $"There is no workflow definition '{definition}'." : $"没有流程定义“{definition}”。",
                english), "text/html; charset=utf-8", statusCode: 404);

        // The studio calls /elsa/api with a bearer token that opens the Elsa API only and lasts minutes; the page renews it
        // (studio-glue.js) with the browser's sign-in while it stays open. The API never takes a cookie (no cross-site requests).
        var (token, expiresAt) = tokens.IssueForElsa(http.User, options.Value.TokenLifetime);
        var renewal = antiforgery.GetAndStoreTokens(http).RequestToken ?? "";
        // The studio builds a Uri from this, so it must be absolute.
        var endpoint = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/elsa/api";
        // Which of the studio's elements this page hosts: (tag, its id attribute, page title, highlighted tab).
        var (tag, idAttribute, title, current) =
            !string.IsNullOrWhiteSpace(definition) ? ("elsa-workflow-definition-editor", $" definition-id=\"{Attr(definition)}\"",
                english ? $"Workflow definition {definition}" : $"流程定义 {definition}", "definitions")
            : !string.IsNullOrWhiteSpace(instance) ? ("elsa-workflow-instance-viewer", $" instance-id=\"{Attr(instance)}\"",
                english ? $"Workflow instance {instance}" : $"流程实例 {instance}", "instances")
            : view == "instances" ? ("elsa-workflow-instance-list", "", english ? "Workflow instances" : "流程实例", "instances")
            : ("elsa-workflow-definition-list", "", english ? "Workflow definitions" : "流程定义", "definitions");
        var element = $"<{tag} id=\"studio\"{idAttribute} remote-endpoint=\"{endpoint}\" access-token=\"{token}\"></{tag}>";

        http.Response.Headers.CacheControl = "no-store";
        // WebAssembly needs 'wasm-unsafe-eval' (not 'unsafe-eval'); the editor renders its own inline scripts (hotkeys) and Monaco uses
        // blob workers.
        http.Response.Headers.ContentSecurityPolicy =
            "default-src 'self'; script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' " +
            "data: blob:; font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; frame-ancestors 'self'";
        var meta = $"<meta name=\"approvals-studio\" data-token=\"{Attr(token)}\" data-expires=\"{expiresAt.ToUnixTimeMilliseconds()}\" " +
            $"data-renewal=\"{Attr(renewal)}\" />";
        // "Back" returns to the page that opened the designer (a task page, say), if it is one of ours.
        var backTo = back is { Length: > 1 } && back.StartsWith('/') && !back.StartsWith("//", StringComparison.Ordinal)
            && !back.StartsWith("/\\", StringComparison.Ordinal) ? back : "/inbox";
        return Results.Content(Html(title, meta, element, current, english, backTo), "text/html; charset=utf-8");
    }

    private static string Attr(string value) => WebUtility.HtmlEncode(value);

    private static string Nav(string current, string key, string href, string text) =>
        $"<a href=\"{href}\"{(current == key ? " aria-current=\"page\"" : "")}>{text}</a>";

    private static string Html(string title, string meta, string element, string current, bool english, string backTo) => $$"""
        <!DOCTYPE html>
        <html lang="{{(english ? "en" : "zh-CN")}}">
        <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <title>{{WebUtility.HtmlEncode(title)}} · {{(english ? "FAO Approvals designer" : "外事审批 流程设计器")}}</title>
            <base href="{{BasePath}}/" />
            {{meta}}
            <link rel="icon" type="image/png" href="_content/Elsa.Studio.Shell/favicon-32x32.png" />
            <link href="_content/MudBlazor/MudBlazor.min.css" rel="stylesheet" />
            <link href="_content/CodeBeam.MudBlazor.Extensions/MudExtensions.min.css" rel="stylesheet" />
            <link href="_content/Radzen.Blazor/css/material-base.css" rel="stylesheet" />
            <link href="_content/Elsa.Studio.Shell/css/shell.css" rel="stylesheet" />
            <link href="Elsa.Studio.Host.CustomElements.styles.css" rel="stylesheet" />
            <style>
                html, body { height: 100%; margin: 0; }
                body { display: flex; flex-direction: column; font-family: "Noto Sans CJK SC", "Microsoft YaHei", Roboto, sans-serif; }
                .approvals-bar { display: flex; align-items: center; gap: 4px; padding: 0 16px; height: 48px;
                    background: #594ae2; color: #fff; flex: none; }
                .approvals-bar strong { margin-right: 16px; font-size: 1.1rem; }
                .approvals-bar a { color: #fff; text-decoration: none; padding: 6px 12px; border-radius: 4px; }
                .approvals-bar a[aria-current], .approvals-bar a:hover, .approvals-bar a:focus-visible {
                    background: rgba(255,255,255,.2); outline: 2px solid transparent; }
                .approvals-bar .spacer { flex: 1; }
                .approvals-studio { flex: 1; min-height: 0; overflow: auto; position: relative; }
                #loading { padding: 24px; color: #555; }
                #blazor-error-ui { display: none; }
            </style>
        </head>
        <body>
            <nav class="approvals-bar" aria-label="{{(english ? "Designer" : "设计器")}}">
                <strong>{{(english ? "FAO Approvals · Designer" : "外事审批 · 流程设计器")}}</strong>
                {{Nav(current, "definitions", BasePath, english ? "Definitions" : "流程定义")}}
                {{Nav(current, "instances", BasePath + "?view=instances", english ? "Instances" : "流程实例")}}
                <span class="spacer"></span>
                <a href="{{Attr(backTo)}}" data-testid="studio-back">{{(english ? "Back to approvals" : "返回审批")}}</a>
            </nav>
            <main class="approvals-studio">
                {{element}}
            </main>
            <div id="blazor-error-ui" role="alert">{{(english ? "The designer stopped with an error." : "设计器出错。")}}
                <a href="" class="reload">{{(english ? "Reload" : "重新加载")}}</a></div>
            <script src="_content/BlazorMonaco/jsInterop.js"></script>
            <script src="_content/BlazorMonaco/lib/monaco-editor/min/vs/loader.js"></script>
            <script src="_content/BlazorMonaco/lib/monaco-editor/min/vs/editor/editor.main.js"></script>
            <script src="_content/MudBlazor/MudBlazor.min.js"></script>
            <script src="_content/CodeBeam.MudBlazor.Extensions/MudExtensions.min.js"></script>
            <script src="_content/Radzen.Blazor/Radzen.Blazor.js"></script>
            <script src="_framework/blazor.webassembly.js"></script>
            <script src="/studio-glue.js"></script>
        </body>
        </html>
        """;

    private static string NotFound(string message, bool english) => $"""
        <!DOCTYPE html><html lang="{(english ? "en" : "zh-CN")}"><head><meta charset="utf-8" />
        <title>{(english ? "Not found" : "未找到")}</title></head>
        <body style="font-family:sans-serif;padding:24px"><h1>{(english ? "Not found" : "未找到")}</h1><p>{WebUtility.HtmlEncode(message)}</p>
        <p><a href="{BasePath}">{(english ? "Workflow definitions" : "流程定义")}</a> ·
        <a href="{BasePath}?view=instances">{(english ? "Workflow instances" : "流程实例")}</a> ·
        <a href="/inbox">{(english ? "Back to approvals" : "返回审批")}</a></p></body></html>
        """;

    private static string NotInstalled(string root, bool english) => $"""
        <!DOCTYPE html><html><head><meta charset="utf-8" /><title>Elsa Studio</title></head>
        <body style="font-family:sans-serif;padding:24px">
        <h1>{(english ? "The designer is not installed" : "流程设计器未安装")}</h1>
        <p>{(english ? "Elsa Studio is installed from npm by the build. Install Node.js with npm and build again, or run"
            : "流程设计器（Elsa Studio）由构建从 npm 安装。请安装 Node.js 与 npm 后重新构建，或运行")}
        <code>npm ci</code> in
        <code>{WebUtility.HtmlEncode(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(root))) ?? root)}</code>.</p>
        <p><a href="/inbox">{(english ? "Back" : "返回")}</a></p></body></html>
        """;
}
