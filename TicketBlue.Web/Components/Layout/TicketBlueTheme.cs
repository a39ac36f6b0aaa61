using MudBlazor;

namespace TicketBlue.Web.Components.Layout;

/// <summary>
/// The product's look: a deep "ticket blue", warm coral accents, Korean-first type. Every colour that
/// text is drawn in, or drawn on, has at least 4.5:1 contrast with white and with the page background
/// (#f6f7fb), WCAG 2.1 AA 1.4.3: MudBlazor's default status colours (#00c853, #ff9800, #f44336, #2196f3)
/// and the first coral (#ff5a5f) did not, as the accessibility check found (issue 18).
/// </summary>
public static class TicketBlueTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b3d91",
            Secondary = "#c8323a",
            Tertiary = "#00797a",
            Info = "#1565c0",
            Success = "#1e7b34",
            Warning = "#a85400",
            Error = "#c62828",
            AppbarBackground = "#0b3d91",
            Background = "#f6f7fb",
            Surface = "#ffffff",
            TextPrimary = "#1b1f2a",
            TextSecondary = "#5b6272",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["Pretendard", "Noto Sans KR", "Noto Sans CJK KR", "Apple SD Gothic Neo", "Malgun Gothic", "sans-serif"],
            },
            Button = new ButtonTypography { TextTransform = "none", FontWeight = "600" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "10px" },
    };
}
