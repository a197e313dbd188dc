using Approvals.Host.Components.Localization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Approvals.Host.Tests.Ui;

/// <summary>A bUnit context set up as our pages are: MudBlazor's services and popovers, the UI's words, loose JS interop.</summary>
public static class PageComponentContext
{
    public static BunitContext Create()
    {
        var context = new BunitContext();
        context.Services.AddMudServices();
        context.Services.AddScoped<UiText>();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Render<MudBlazor.MudPopoverProvider>();
        return context;
    }
}
