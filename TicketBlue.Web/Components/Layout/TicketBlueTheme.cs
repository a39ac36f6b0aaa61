using MudBlazor;

namespace TicketBlue.Web.Components.Layout;

/// <summary>The product's look: a deep "ticket blue", warm coral accents, Korean-first type.</summary>
public static class TicketBlueTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b3d91",
            Secondary = "#ff5a5f",
            Tertiary = "#00a3a3",
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
