using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace TicketBlue.Tests.Fixtures;

/// <summary>
/// bUnit context with MudBlazor, the app's real string resources and Korean culture, as a customer
/// in Seoul sees the app. JS interop is loose: MudBlazor's calls are not what these tests check.
/// </summary>
public abstract class ComponentTestBase : BunitContext
{
    private readonly CultureInfo _previousCulture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _previousUiCulture = CultureInfo.CurrentUICulture;

    protected ComponentTestBase()
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("ko-KR");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ko-KR");
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
        });
        Services.AddLocalization(options => options.ResourcesPath = "Resources");
        Services.AddScoped<TicketBlue.Web.PageCaching.PageFreshness>();
    }

    protected override void Dispose(bool disposing)
    {
        CultureInfo.CurrentCulture = _previousCulture;
        CultureInfo.CurrentUICulture = _previousUiCulture;
        base.Dispose(disposing);
    }
}
