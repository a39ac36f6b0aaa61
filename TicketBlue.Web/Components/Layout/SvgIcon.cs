using Microsoft.AspNetCore.Components;

namespace TicketBlue.Web.Components.Layout;

/// <summary>
/// A MudBlazor icon (one of <c>Icons.Material…</c>) drawn as plain markup with MudIcon's classes, for
/// the page chrome every open page keeps: a <c>MudIcon</c> is a component of its own in each circuit
/// (its state, render tree and attribute table, a few KB per open page), this is three frames of the
/// page that shows it (issue 13). Decorative only: hidden from screen readers like the MudIcons it replaces.
/// </summary>
public static class SvgIcon
{
    /// <summary>The icon at MudIcon's medium size.</summary>
    public static RenderFragment Of(string icon) => builder =>
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "class", "mud-icon-root mud-svg-icon mud-icon-size-medium");
        builder.AddAttribute(2, "focusable", "false");
        builder.AddAttribute(3, "viewBox", "0 0 24 24");
        builder.AddAttribute(4, "aria-hidden", "true");
        builder.AddMarkupContent(5, icon);
        builder.CloseElement();
    };
}
