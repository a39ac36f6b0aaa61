using System.Globalization;
using System.Text;

namespace TicketBlue.DemoData;

/// <summary>
/// Generates deterministic, designed-looking SVG show posters for demo performances
/// (so the demo needs no image assets). The same arguments always produce the same SVG.
/// </summary>
public static class PosterArt
{
    public const int Width = 600;
    public const int Height = 840;

    private const string FontFamily = "'Noto Sans CJK KR','Noto Sans KR','Apple SD Gothic Neo',sans-serif";
    private const double Margin = 44;
    private const double TextWidth = Width - (2 * Margin);
    private const double TitleBottom = 612;
    private const double MaxTitleSize = 92;
    private const double MinTitleSize = 38;
    private const double ComfortTitleSize = 72;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private sealed record Palette(string Bg1, string Bg2, string Accent1, string Accent2, string Accent3, string Ink, string SubInk);

    private static readonly Palette[] Palettes =
    [
        new("#0f1a3d", "#25357a", "#f5c96a", "#e07a5f", "#8fb8de", "#fff8ec", "#d9d4e8"), // midnight gold
        new("#2b0a14", "#6b1230", "#f2b880", "#d94f5c", "#f6e7cb", "#fff5ea", "#efcfc4"), // burgundy velvet
        new("#073b4c", "#118ab2", "#ffd166", "#ef476f", "#06d6a0", "#ffffff", "#d4eef5"), // teal sunset
        new("#2d1b4e", "#6a4c93", "#f9c74f", "#ff8fab", "#cdb4db", "#fdf7ff", "#e3d6f0"), // lavender dusk
        new("#0b2a24", "#1b5e4a", "#e9c46a", "#f4a261", "#a7c957", "#f7f3e3", "#d5e3d0"), // forest emerald
        new("#f6efe2", "#e6d6b8", "#b23a48", "#1f3a5f", "#c9a227", "#1c1c28", "#4a4656"), // cream classic
        new("#fff1ea", "#ffc2ae", "#6d597a", "#e56b6f", "#355070", "#2b2d42", "#4f4a5e"), // coral pop
        new("#0d0221", "#2a1155", "#ff3864", "#2de2e6", "#f6019d", "#ffffff", "#d8d0f0"), // electric neon
        new("#03045e", "#0077b6", "#90e0ef", "#ffb703", "#caf0f8", "#ffffff", "#cfe9f5"), // ocean blue
        new("#121212", "#34302f", "#e63946", "#f1faee", "#a8dadc", "#f1faee", "#cfd6d2"), // charcoal red
        new("#eef3ea", "#c7d9c4", "#2f5d50", "#d98e73", "#8a9a5b", "#1f2d2a", "#41524c"), // sage mist
        new("#3c1642", "#7a2e5f", "#f4a259", "#e9b872", "#f28f3b", "#fff4e6", "#f0d6cc"), // plum copper
    ];

    private enum ArtStyle
    {
        Spotlight,
        Moon,
        Bands,
        Waves,
        Curtain,
        Ribbons,
        Stadium,
        Bubbles,
    }

    /// <summary>Renders a complete standalone SVG document (600×840) for a show poster.</summary>
    /// <param name="title">Korean title, drawn large (wrapped to at most 3 lines).</param>
    /// <param name="englishTitle">Optional English title, drawn small below the title.</param>
    /// <param name="categoryLabel">Category label shown as a pill (Korean label or enum name); also picks the artwork style.</param>
    /// <param name="tagline">Short tagline drawn near the bottom.</param>
    /// <param name="venueName">Venue name drawn at the bottom.</param>
    /// <param name="seed">Seed for palette and shape choices.</param>
    public static string RenderSvg(string title, string? englishTitle, string categoryLabel, string tagline, string venueName, int seed)
    {
        title = Normalize(title);
        englishTitle = string.IsNullOrWhiteSpace(englishTitle) ? null : Normalize(englishTitle);
        categoryLabel = Normalize(categoryLabel);
        tagline = Normalize(tagline);
        venueName = Normalize(venueName);

        var rng = new Random(seed);
        var p = Palettes[rng.Next(Palettes.Length)];
        var styles = StylesFor(categoryLabel);
        var style = styles[rng.Next(styles.Length)];
        var light = Luminance(p.Bg1) > 0.5;
        var id = "tb" + ((uint)seed).ToString("x", Inv);
        var centered = rng.Next(3) > 0;

        var sb = new StringBuilder(8192);
        sb.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"600\" height=\"840\" viewBox=\"0 0 600 840\" role=\"img\" aria-label=\"")
            .Append(Esc(title)).Append("\">\n");
        sb.Append("<title>").Append(Esc(title)).Append("</title>\n");

        // ── defs ──────────────────────────────────────────────────────
        var angle = rng.Next(4);
        var (gx1, gy1, gx2, gy2) = angle switch
        {
            0 => ("0", "0", "0", "1"),
            1 => ("0", "0", "1", "1"),
            2 => ("1", "0", "0", "1"),
            _ => ("0.2", "0", "0.8", "1"),
        };
        sb.Append("<defs>\n");
        sb.Append(Inv, $"<linearGradient id=\"{id}-bg\" x1=\"{gx1}\" y1=\"{gy1}\" x2=\"{gx2}\" y2=\"{gy2}\">")
            .Append(Inv, $"<stop offset=\"0\" stop-color=\"{p.Bg2}\"/><stop offset=\"1\" stop-color=\"{p.Bg1}\"/></linearGradient>\n");
        sb.Append(Inv, $"<radialGradient id=\"{id}-glow\" cx=\"0.5\" cy=\"0.5\" r=\"0.5\">")
            .Append(Inv, $"<stop offset=\"0\" stop-color=\"{p.Accent2}\" stop-opacity=\"0.55\"/><stop offset=\"1\" stop-color=\"{p.Accent2}\" stop-opacity=\"0\"/></radialGradient>\n");
        sb.Append(Inv, $"<radialGradient id=\"{id}-orb\" cx=\"0.35\" cy=\"0.3\" r=\"0.75\">")
            .Append(Inv, $"<stop offset=\"0\" stop-color=\"{p.Accent1}\"/><stop offset=\"1\" stop-color=\"{p.Accent2}\"/></radialGradient>\n");
        sb.Append(Inv, $"<linearGradient id=\"{id}-beam\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"1\">")
            .Append(Inv, $"<stop offset=\"0\" stop-color=\"{p.Accent1}\" stop-opacity=\"0.6\"/><stop offset=\"1\" stop-color=\"{p.Accent1}\" stop-opacity=\"0\"/></linearGradient>\n");
        sb.Append(Inv, $"<linearGradient id=\"{id}-scrim\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"1\">")
            .Append(Inv, $"<stop offset=\"0\" stop-color=\"{p.Bg1}\" stop-opacity=\"0\"/><stop offset=\"0.55\" stop-color=\"{p.Bg1}\" stop-opacity=\"0.55\"/>")
            .Append(Inv, $"<stop offset=\"1\" stop-color=\"{p.Bg1}\" stop-opacity=\"0.92\"/></linearGradient>\n");
        sb.Append(Inv, $"<pattern id=\"{id}-dots\" width=\"14\" height=\"14\" patternUnits=\"userSpaceOnUse\">")
            .Append(Inv, $"<circle cx=\"3\" cy=\"3\" r=\"1.4\" fill=\"{p.Ink}\"/></pattern>\n");
        sb.Append(Inv, $"<filter id=\"{id}-shadow\" x=\"-10%\" y=\"-20%\" width=\"120%\" height=\"140%\">")
            .Append("<feGaussianBlur in=\"SourceAlpha\" stdDeviation=\"6\"/><feOffset dx=\"0\" dy=\"3\" result=\"b\"/>")
            .Append(Inv, $"<feComponentTransfer><feFuncA type=\"linear\" slope=\"{(light ? "0.12" : "0.35")}\"/></feComponentTransfer>")
            .Append("<feMerge><feMergeNode/><feMergeNode in=\"SourceGraphic\"/></feMerge></filter>\n");
        sb.Append("</defs>\n");

        // ── background ────────────────────────────────────────────────
        sb.Append(Inv, $"<rect width=\"600\" height=\"840\" fill=\"url(#{id}-bg)\"/>\n");
        var glowX = R(rng, 120, 480);
        var glowY = R(rng, 120, 360);
        sb.Append(Inv, $"<circle cx=\"{F(glowX)}\" cy=\"{F(glowY)}\" r=\"{F(R(rng, 260, 380))}\" fill=\"url(#{id}-glow)\"/>\n");

        // ── artwork ───────────────────────────────────────────────────
        sb.Append("<g>\n");
        switch (style)
        {
            case ArtStyle.Spotlight:
                DrawSpotlight(sb, rng, p, id);
                break;
            case ArtStyle.Moon:
                DrawMoon(sb, rng, p, id);
                break;
            case ArtStyle.Bands:
                DrawBands(sb, rng, p);
                break;
            case ArtStyle.Waves:
                DrawWaves(sb, rng, p);
                break;
            case ArtStyle.Curtain:
                DrawCurtain(sb, rng, p, id);
                break;
            case ArtStyle.Ribbons:
                DrawRibbons(sb, rng, p);
                break;
            case ArtStyle.Stadium:
                DrawStadium(sb, rng, p);
                break;
            default:
                DrawBubbles(sb, rng, p);
                break;
        }

        // halftone dot block for texture
        var dotsX = rng.Next(2) == 0 ? R(rng, -40, 60) : R(rng, 380, 460);
        var dotsY = R(rng, 90, 300);
        sb.Append(Inv, $"<rect x=\"{F(dotsX)}\" y=\"{F(dotsY)}\" width=\"{F(R(rng, 150, 220))}\" height=\"{F(R(rng, 110, 180))}\" fill=\"url(#{id}-dots)\" opacity=\"0.16\"/>\n");
        sb.Append("</g>\n");

        // ── readability scrim + frame ────────────────────────────────
        sb.Append(Inv, $"<rect y=\"360\" width=\"600\" height=\"480\" fill=\"url(#{id}-scrim)\"/>\n");
        sb.Append(Inv, $"<rect x=\"18\" y=\"18\" width=\"564\" height=\"804\" rx=\"6\" fill=\"none\" stroke=\"{p.Ink}\" stroke-opacity=\"0.28\" stroke-width=\"1.5\"/>\n");

        // ── top: category pill + brand ────────────────────────────────
        const double pillFont = 15;
        var pillWidth = (Measure(categoryLabel) * pillFont) + 34;
        sb.Append(Inv, $"<rect x=\"{F(Margin)}\" y=\"44\" width=\"{F(pillWidth)}\" height=\"32\" rx=\"16\" fill=\"{p.Accent1}\"/>\n");
        sb.Append(Inv, $"<text x=\"{F(Margin + (pillWidth / 2))}\" y=\"65.5\" text-anchor=\"middle\" font-family=\"{FontFamily}\" font-size=\"{F(pillFont)}\" font-weight=\"700\" fill=\"{p.Bg1}\">")
            .Append(Esc(categoryLabel)).Append("</text>\n");
        sb.Append(Inv, $"<text x=\"{F(Width - Margin)}\" y=\"65\" text-anchor=\"end\" font-family=\"{FontFamily}\" font-size=\"12\" font-weight=\"700\" letter-spacing=\"3\" fill=\"{p.Ink}\" fill-opacity=\"0.8\">TICKETBLUE</text>\n");

        // ── title ─────────────────────────────────────────────────────
        var lines = WrapTitle(title, out var widestUnits);
        var titleSize = Math.Clamp(TextWidth / Math.Max(widestUnits, 1), MinTitleSize, MaxTitleSize);
        var lineHeight = titleSize * 1.14;
        var anchor = centered ? "middle" : "start";
        var textX = centered ? Width / 2.0 : Margin;
        var firstBaseline = TitleBottom - (lineHeight * (lines.Count - 1));

        // accent bar above the title
        var barY = firstBaseline - titleSize - 22;
        var barX = centered ? (Width / 2.0) - 28 : Margin;
        sb.Append(Inv, $"<rect x=\"{F(barX)}\" y=\"{F(barY)}\" width=\"56\" height=\"5\" rx=\"2.5\" fill=\"{p.Accent1}\"/>\n");

        sb.Append(Inv, $"<text text-anchor=\"{anchor}\" font-family=\"{FontFamily}\" font-size=\"{F(titleSize)}\" font-weight=\"900\" letter-spacing=\"-1\" fill=\"{p.Ink}\" filter=\"url(#{id}-shadow)\">\n");
        for (var i = 0; i < lines.Count; i++)
        {
            sb.Append(Inv, $"<tspan x=\"{F(textX)}\" y=\"{F(firstBaseline + (i * lineHeight))}\">").Append(Esc(lines[i])).Append("</tspan>\n");
        }

        sb.Append("</text>\n");

        // ── english title ─────────────────────────────────────────────
        var y = TitleBottom;
        if (englishTitle is not null)
        {
            var upper = englishTitle.ToUpperInvariant();
            var engSize = Math.Clamp(TextWidth / (Measure(upper) * 1.22), 11, 19);
            y += 40;
            sb.Append(Inv, $"<text x=\"{F(textX)}\" y=\"{F(y)}\" text-anchor=\"{anchor}\" font-family=\"{FontFamily}\" font-size=\"{F(engSize)}\" font-weight=\"500\" letter-spacing=\"{F(engSize * 0.16)}\" fill=\"{p.Accent1}\">")
                .Append(Esc(upper)).Append("</text>\n");
        }

        // ── tagline ───────────────────────────────────────────────────
        const double tagSize = 21;
        var tagLines = Wrap(tagline, (TextWidth / tagSize) - 1);
        if (tagLines.Count > 2)
        {
            tagLines = [tagLines[0], Ellipsize(string.Join(' ', tagLines.Skip(1)), (TextWidth / tagSize) - 2)];
        }

        var tagY = Math.Max(y + 56, 720 - ((tagLines.Count - 1) * 28));
        for (var i = 0; i < tagLines.Count; i++)
        {
            sb.Append(Inv, $"<text x=\"{F(textX)}\" y=\"{F(tagY + (i * 28))}\" text-anchor=\"{anchor}\" font-family=\"{FontFamily}\" font-size=\"{F(tagSize)}\" font-weight=\"500\" fill=\"{p.SubInk}\">")
                .Append(Esc(tagLines[i])).Append("</text>\n");
        }

        // ── venue ─────────────────────────────────────────────────────
        var ruleY = 764.0;
        sb.Append(Inv, $"<line x1=\"{F(Margin)}\" y1=\"{F(ruleY)}\" x2=\"{F(Width - Margin)}\" y2=\"{F(ruleY)}\" stroke=\"{p.Ink}\" stroke-opacity=\"0.3\" stroke-width=\"1\"/>\n");
        var venueSize = Math.Clamp((TextWidth - 24) / Math.Max(Measure(venueName), 1), 11, 18);
        var venueWidth = Measure(venueName) * venueSize;
        var venueStart = centered ? (Width / 2.0) - ((venueWidth + 18) / 2) : Margin;
        sb.Append(Inv, $"<circle cx=\"{F(venueStart + 5)}\" cy=\"{F(ruleY + 34 - (venueSize * 0.36))}\" r=\"5\" fill=\"{p.Accent1}\"/>\n");
        sb.Append(Inv, $"<text x=\"{F(venueStart + 18)}\" y=\"{F(ruleY + 34)}\" font-family=\"{FontFamily}\" font-size=\"{F(venueSize)}\" font-weight=\"700\" fill=\"{p.Ink}\">")
            .Append(Esc(venueName)).Append("</text>\n");

        sb.Append("</svg>\n");
        return sb.ToString();
    }

    // ── artwork styles ───────────────────────────────────────────────

    private static void DrawSpotlight(StringBuilder sb, Random rng, Palette p, string id)
    {
        var beams = rng.Next(3, 6);
        for (var i = 0; i < beams; i++)
        {
            var tx = R(rng, 60, 540);
            var bx = tx + R(rng, -240, 240);
            var hw = R(rng, 80, 170);
            sb.Append(Inv, $"<polygon points=\"{F(tx - 6)},-30 {F(tx + 6)},-30 {F(bx + hw)},780 {F(bx - hw)},780\" fill=\"url(#{id}-beam)\" opacity=\"{F(R(rng, 0.45, 0.85))}\"/>\n");
        }

        var ringR = R(rng, 140, 210);
        sb.Append(Inv, $"<circle cx=\"{F(R(rng, 180, 420))}\" cy=\"{F(R(rng, 220, 360))}\" r=\"{F(ringR)}\" fill=\"none\" stroke=\"{p.Accent3}\" stroke-width=\"2\" stroke-opacity=\"0.55\"/>\n");
        sb.Append(Inv, $"<ellipse cx=\"300\" cy=\"{F(R(rng, 560, 620))}\" rx=\"{F(R(rng, 220, 300))}\" ry=\"38\" fill=\"{p.Accent1}\" opacity=\"0.18\"/>\n");
        Specks(sb, rng, p, rng.Next(35, 60), 520);
    }

    private static void DrawMoon(StringBuilder sb, Random rng, Palette p, string id)
    {
        var cx = R(rng, 170, 430);
        var cy = R(rng, 200, 320);
        var r = R(rng, 120, 180);
        sb.Append(Inv, $"<path d=\"M -60 {F(cy + 140)} Q 300 {F(cy - 140)} 660 {F(cy + 60)}\" fill=\"none\" stroke=\"{p.Accent3}\" stroke-width=\"{F(R(rng, 18, 36))}\" stroke-opacity=\"0.25\"/>\n");
        sb.Append(Inv, $"<circle cx=\"{F(cx)}\" cy=\"{F(cy)}\" r=\"{F(r)}\" fill=\"url(#{id}-orb)\" opacity=\"0.92\"/>\n");
        var rings = rng.Next(2, 4);
        for (var i = 1; i <= rings; i++)
        {
            sb.Append(Inv, $"<circle cx=\"{F(cx)}\" cy=\"{F(cy)}\" r=\"{F(r + (i * 26))}\" fill=\"none\" stroke=\"{p.Ink}\" stroke-width=\"1.2\" stroke-opacity=\"{F(0.45 / i)}\"/>\n");
        }

        var stars = rng.Next(6, 11);
        for (var i = 0; i < stars; i++)
        {
            var color = rng.Next(2) == 0 ? p.Accent1 : p.Ink;
            Star(sb, R(rng, 40, 560), R(rng, 100, 520), R(rng, 5, 16), color, R(rng, 0.5, 0.95));
        }
    }

    private static void DrawBands(StringBuilder sb, Random rng, Palette p)
    {
        var angle = rng.Next(2) == 0 ? R(rng, -36, -20) : R(rng, 20, 36);
        var bands = rng.Next(3, 5);
        string[] colors = [p.Accent1, p.Accent2, p.Accent3];
        for (var i = 0; i < bands; i++)
        {
            var y = R(rng, 40, 520);
            var h = R(rng, 34, 120);
            sb.Append(Inv, $"<rect x=\"-300\" y=\"{F(y)}\" width=\"1200\" height=\"{F(h)}\" fill=\"{colors[i % 3]}\" opacity=\"{F(R(rng, 0.25, 0.6))}\" transform=\"rotate({F(angle)} 300 {F(y + (h / 2))})\"/>\n");
        }

        var cx = R(rng, 160, 440);
        var cy = R(rng, 180, 340);
        sb.Append(Inv, $"<circle cx=\"{F(cx)}\" cy=\"{F(cy)}\" r=\"{F(R(rng, 100, 160))}\" fill=\"none\" stroke=\"{p.Ink}\" stroke-width=\"3\" stroke-opacity=\"0.6\"/>\n");
        sb.Append(Inv, $"<circle cx=\"{F(cx + R(rng, -90, 90))}\" cy=\"{F(cy + R(rng, -90, 90))}\" r=\"{F(R(rng, 24, 48))}\" fill=\"{p.Accent2}\"/>\n");
        for (var i = 0; i < 3; i++)
        {
            var ly = 120 + (i * 14);
            sb.Append(Inv, $"<line x1=\"{F(Width - Margin - 90)}\" y1=\"{F(ly)}\" x2=\"{F(Width - Margin)}\" y2=\"{F(ly)}\" stroke=\"{p.Ink}\" stroke-opacity=\"0.45\" stroke-width=\"2\"/>\n");
        }
    }

    private static void DrawWaves(StringBuilder sb, Random rng, Palette p)
    {
        var left = rng.Next(2) == 0;
        var cx = left ? R(rng, -60, 120) : R(rng, 480, 660);
        var cy = R(rng, 200, 400);
        var count = rng.Next(8, 13);
        for (var i = 0; i < count; i++)
        {
            var color = i % 3 == 0 ? p.Accent1 : p.Ink;
            sb.Append(Inv, $"<circle cx=\"{F(cx)}\" cy=\"{F(cy)}\" r=\"{F(60 + (i * 30))}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"{F(i % 3 == 0 ? 3 : 1.2)}\" stroke-opacity=\"{F(0.7 - (i * 0.045))}\"/>\n");
        }

        sb.Append(Inv, $"<circle cx=\"{F(cx)}\" cy=\"{F(cy)}\" r=\"40\" fill=\"{p.Accent2}\" opacity=\"0.9\"/>\n");

        var staffY = R(rng, 110, 200);
        var bend = R(rng, 30, 60);
        for (var i = 0; i < 5; i++)
        {
            var y = staffY + (i * 11);
            sb.Append(Inv, $"<path d=\"M -10 {F(y)} C 200 {F(y - bend)}, 400 {F(y + bend)}, 610 {F(y)}\" fill=\"none\" stroke=\"{p.Ink}\" stroke-width=\"1.1\" stroke-opacity=\"0.4\"/>\n");
        }

        var notes = rng.Next(3, 6);
        for (var i = 0; i < notes; i++)
        {
            var x = 80 + (i * R(rng, 80, 110));
            var t = x / 600.0;
            var curve = (3 * (1 - t) * (1 - t) * t * -bend) + (3 * (1 - t) * t * t * bend);
            var ny = staffY + curve + (rng.Next(0, 9) * 5.5);
            sb.Append(Inv, $"<ellipse cx=\"{F(x)}\" cy=\"{F(ny)}\" rx=\"7\" ry=\"5\" transform=\"rotate(-20 {F(x)} {F(ny)})\" fill=\"{p.Accent1}\"/>\n");
            sb.Append(Inv, $"<line x1=\"{F(x + 6)}\" y1=\"{F(ny)}\" x2=\"{F(x + 6)}\" y2=\"{F(ny - 34)}\" stroke=\"{p.Accent1}\" stroke-width=\"1.6\"/>\n");
        }
    }

    private static void DrawCurtain(StringBuilder sb, Random rng, Palette p, string id)
    {
        var moonR = R(rng, 70, 110);
        sb.Append(Inv, $"<circle cx=\"{F(R(rng, 240, 360))}\" cy=\"{F(R(rng, 250, 320))}\" r=\"{F(moonR)}\" fill=\"url(#{id}-orb)\" opacity=\"0.85\"/>\n");

        var archTop = R(rng, 110, 150);
        sb.Append(Inv, $"<path d=\"M 70 540 L 70 {F(archTop + 230)} A 230 230 0 0 1 530 {F(archTop + 230)} L 530 540\" fill=\"none\" stroke=\"{p.Accent1}\" stroke-width=\"3\" stroke-opacity=\"0.75\"/>\n");
        sb.Append(Inv, $"<path d=\"M 92 540 L 92 {F(archTop + 232)} A 208 208 0 0 1 508 {F(archTop + 232)} L 508 540\" fill=\"none\" stroke=\"{p.Accent1}\" stroke-width=\"1\" stroke-opacity=\"0.5\"/>\n");

        var curtain = new[] { p.Accent1, p.Accent2, p.Accent3 }.MinBy(Luminance) ?? p.Accent2;
        var drape = R(rng, 150, 210);
        var sag = R(rng, 380, 460);
        sb.Append(Inv, $"<path d=\"M 0 0 L {F(drape)} 0 Q {F(drape * 0.55)} {F(sag * 0.45)} {F(drape * 0.8)} {F(sag)} Q {F(drape * 0.35)} {F(sag - 40)} 0 {F(sag + 90)} Z\" fill=\"{curtain}\" opacity=\"0.85\"/>\n");
        sb.Append(Inv, $"<path d=\"M 600 0 L {F(600 - drape)} 0 Q {F(600 - (drape * 0.55))} {F(sag * 0.45)} {F(600 - (drape * 0.8))} {F(sag)} Q {F(600 - (drape * 0.35))} {F(sag - 40)} 600 {F(sag + 90)} Z\" fill=\"{curtain}\" opacity=\"0.85\"/>\n");
        for (var i = 0; i < 3; i++)
        {
            var fx = drape * (0.2 + (i * 0.22));
            sb.Append(Inv, $"<path d=\"M {F(fx)} 0 Q {F(fx * 0.8)} {F(sag * 0.5)} {F(fx * 0.6)} {F(sag)}\" fill=\"none\" stroke=\"{p.Bg1}\" stroke-opacity=\"0.25\" stroke-width=\"2\"/>\n");
            sb.Append(Inv, $"<path d=\"M {F(600 - fx)} 0 Q {F(600 - (fx * 0.8))} {F(sag * 0.5)} {F(600 - (fx * 0.6))} {F(sag)}\" fill=\"none\" stroke=\"{p.Bg1}\" stroke-opacity=\"0.25\" stroke-width=\"2\"/>\n");
        }

        var scallops = new StringBuilder("M 0 0 L 600 0 L 600 16");
        for (var x = 600; x > 0; x -= 40)
        {
            scallops.Append(Inv, $" Q {x - 20} 40 {x - 40} 16");
        }

        scallops.Append(" Z");
        sb.Append(Inv, $"<path d=\"{scallops}\" fill=\"{curtain}\"/>\n");
        sb.Append(Inv, $"<path d=\"M 0 16 L 600 16\" stroke=\"{p.Ink}\" stroke-width=\"1.5\" stroke-opacity=\"0.35\"/>\n");
        Specks(sb, rng, p, rng.Next(10, 20), 480);
    }

    private static void DrawRibbons(StringBuilder sb, Random rng, Palette p)
    {
        string[] colors = [p.Accent1, p.Accent2, p.Accent3];
        var ribbons = rng.Next(3, 5);
        for (var i = 0; i < ribbons; i++)
        {
            var y0 = R(rng, 60, 520);
            var y1 = R(rng, 60, 520);
            sb.Append(Inv, $"<path d=\"M -40 {F(y0)} C {F(R(rng, 100, 250))} {F(R(rng, -100, 300))}, {F(R(rng, 300, 500))} {F(R(rng, 300, 700))}, 640 {F(y1)}\" fill=\"none\" stroke=\"{colors[i % 3]}\" stroke-width=\"{F(R(rng, 14, 56))}\" stroke-linecap=\"round\" stroke-opacity=\"{F(R(rng, 0.35, 0.75))}\"/>\n");
        }

        for (var i = 0; i < 2; i++)
        {
            var y0 = R(rng, 80, 480);
            sb.Append(Inv, $"<path d=\"M -20 {F(y0)} C 150 {F(y0 - 160)}, 420 {F(y0 + 180)}, 620 {F(y0 - 40)}\" fill=\"none\" stroke=\"{p.Ink}\" stroke-width=\"1.2\" stroke-opacity=\"0.5\"/>\n");
        }

        var dots = rng.Next(4, 8);
        for (var i = 0; i < dots; i++)
        {
            sb.Append(Inv, $"<circle cx=\"{F(R(rng, 40, 560))}\" cy=\"{F(R(rng, 100, 500))}\" r=\"{F(R(rng, 4, 14))}\" fill=\"{colors[rng.Next(3)]}\" opacity=\"0.85\"/>\n");
        }
    }

    private static void DrawStadium(StringBuilder sb, Random rng, Palette p)
    {
        string[] colors = [p.Accent1, p.Accent2, p.Accent3];
        var stripes = rng.Next(4, 7);
        for (var i = 0; i < stripes; i++)
        {
            var x = R(rng, -200, 560);
            var w = R(rng, 20, 90);
            sb.Append(Inv, $"<polygon points=\"{F(x)},840 {F(x + w)},840 {F(x + w + 420)},0 {F(x + 420)},0\" fill=\"{colors[i % 3]}\" opacity=\"{F(R(rng, 0.18, 0.45))}\"/>\n");
        }

        var cx = R(rng, 200, 400);
        var cy = R(rng, 210, 270);
        var d = R(rng, 140, 175);
        sb.Append(Inv, $"<polygon points=\"{F(cx)},{F(cy - d)} {F(cx + d)},{F(cy)} {F(cx)},{F(cy + d)} {F(cx - d)},{F(cy)}\" fill=\"none\" stroke=\"{p.Ink}\" stroke-width=\"2\" stroke-opacity=\"0.4\"/>\n");

        var r = R(rng, 90, 120);
        sb.Append(Inv, $"<circle cx=\"{F(cx)}\" cy=\"{F(cy)}\" r=\"{F(r)}\" fill=\"{p.Ink}\" opacity=\"0.95\"/>\n");
        sb.Append(Inv, $"<path d=\"M {F(cx - (r * 0.62))} {F(cy - (r * 0.78))} Q {F(cx - (r * 0.2))} {F(cy)} {F(cx - (r * 0.62))} {F(cy + (r * 0.78))}\" fill=\"none\" stroke=\"{p.Accent2}\" stroke-width=\"3\" stroke-dasharray=\"7 6\"/>\n");
        sb.Append(Inv, $"<path d=\"M {F(cx + (r * 0.62))} {F(cy - (r * 0.78))} Q {F(cx + (r * 0.2))} {F(cy)} {F(cx + (r * 0.62))} {F(cy + (r * 0.78))}\" fill=\"none\" stroke=\"{p.Accent2}\" stroke-width=\"3\" stroke-dasharray=\"7 6\"/>\n");

        for (var i = 0; i < 4; i++)
        {
            var ly = cy - 30 + (i * 20);
            var len = R(rng, 60, 140);
            sb.Append(Inv, $"<line x1=\"{F(cx - r - 30 - len)}\" y1=\"{F(ly)}\" x2=\"{F(cx - r - 30)}\" y2=\"{F(ly)}\" stroke=\"{p.Ink}\" stroke-width=\"3\" stroke-linecap=\"round\" stroke-opacity=\"0.55\"/>\n");
        }
    }

    private static void DrawBubbles(StringBuilder sb, Random rng, Palette p)
    {
        string[] colors = [p.Accent1, p.Accent2, p.Accent3];
        var bubbles = rng.Next(12, 20);
        for (var i = 0; i < bubbles; i++)
        {
            var cx = R(rng, 20, 580);
            var cy = R(rng, 90, 540);
            var r = R(rng, 10, 70);
            sb.Append(Inv, $"<circle cx=\"{F(cx)}\" cy=\"{F(cy)}\" r=\"{F(r)}\" fill=\"{colors[rng.Next(3)]}\" opacity=\"{F(R(rng, 0.5, 0.9))}\"/>\n");
            if (r > 24)
            {
                sb.Append(Inv, $"<circle cx=\"{F(cx - (r * 0.35))}\" cy=\"{F(cy - (r * 0.35))}\" r=\"{F(r * 0.18)}\" fill=\"#ffffff\" opacity=\"0.55\"/>\n");
            }
        }

        var stars = rng.Next(4, 8);
        for (var i = 0; i < stars; i++)
        {
            Star(sb, R(rng, 40, 560), R(rng, 100, 520), R(rng, 9, 20), p.Ink, 0.85);
        }

        var confetti = rng.Next(14, 24);
        for (var i = 0; i < confetti; i++)
        {
            var x = R(rng, 20, 580);
            var y = R(rng, 90, 560);
            sb.Append(Inv, $"<rect x=\"{F(x)}\" y=\"{F(y)}\" width=\"10\" height=\"4\" rx=\"1.5\" fill=\"{colors[rng.Next(3)]}\" transform=\"rotate({F(R(rng, 0, 180))} {F(x + 5)} {F(y + 2)})\"/>\n");
        }
    }

    // ── drawing helpers ──────────────────────────────────────────────

    private static void Specks(StringBuilder sb, Random rng, Palette p, int count, double maxY)
    {
        for (var i = 0; i < count; i++)
        {
            sb.Append(Inv, $"<circle cx=\"{F(R(rng, 24, 576))}\" cy=\"{F(R(rng, 90, maxY))}\" r=\"{F(R(rng, 0.8, 2.4))}\" fill=\"{p.Ink}\" opacity=\"{F(R(rng, 0.3, 0.9))}\"/>\n");
        }
    }

    private static void Star(StringBuilder sb, double cx, double cy, double r, string color, double opacity)
    {
        var pts = new StringBuilder();
        for (var i = 0; i < 10; i++)
        {
            var rad = i % 2 == 0 ? r : r * 0.42;
            var a = (-Math.PI / 2) + (i * Math.PI / 5);
            if (i > 0)
            {
                pts.Append(' ');
            }

            pts.Append(F(cx + (rad * Math.Cos(a)))).Append(',').Append(F(cy + (rad * Math.Sin(a))));
        }

        sb.Append(Inv, $"<polygon points=\"{pts}\" fill=\"{color}\" opacity=\"{F(opacity)}\"/>\n");
    }

    // ── text layout ──────────────────────────────────────────────────

    /// <summary>
    /// Wraps the title into at most 3 lines: breaks on spaces when possible, splits long space-less (Korean) words by length,
    /// balances line widths, and uses the fewest lines that still allow a large font.
    /// </summary>
    private static List<string> WrapTitle(string title, out double widestUnits)
    {
        var words = TitleWords(title);
        if (words.Count == 0)
        {
            widestUnits = 1;
            return [title];
        }

        var candidates = new List<(List<string> Lines, double Size)>();
        for (var n = 1; n <= 3; n++)
        {
            var lines = BalancedLines(words, n);
            var size = Math.Min(MaxTitleSize, TextWidth / Math.Max(1, lines.Max(Measure)));
            candidates.Add((lines, size));
        }

        var best = candidates.Max(c => c.Size);
        var pick = candidates.First(c => c.Size >= Math.Min(ComfortTitleSize, best * 0.9)).Lines;
        widestUnits = pick.Max(Measure);
        return pick;
    }

    /// <summary>Splits on spaces, keeping dangling punctuation ("-", ":", "&amp;") attached to a neighbouring word.</summary>
    private static List<string> TitleWords(string title)
    {
        var words = new List<string>();
        string? prefix = null;
        foreach (var w in title.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (w is "&" or "+" or "×")
            {
                prefix = prefix is null ? w : prefix + " " + w;
                continue;
            }

            if (w is "-" or "–" or "—" or ":" or "|" or "/" && words.Count > 0 && prefix is null)
            {
                words[^1] += " " + w;
                continue;
            }

            words.Add(prefix is null ? w : prefix + " " + w);
            prefix = null;
        }

        if (prefix is not null)
        {
            if (words.Count > 0)
            {
                words[^1] += " " + prefix;
            }
            else
            {
                words.Add(prefix);
            }
        }

        return words;
    }

    /// <summary>Best split of the words into (at most) <paramref name="lineCount"/> lines, minimising the widest line.</summary>
    private static List<string> BalancedLines(List<string> words, int lineCount)
    {
        var total = Measure(string.Join(' ', words));
        var target = total / lineCount;

        // tokens: (text, preceded by a space?) — words too wide for one line are cut into glued pieces
        var tokens = new List<(string Text, bool Space)>();
        foreach (var word in words)
        {
            var w = Measure(word);
            if (lineCount > 1 && w > Math.Max(target * 1.2, TextWidth / ComfortTitleSize))
            {
                var pieces = SplitEvenly(word, Math.Min(lineCount, (int)Math.Ceiling(w / target)));
                for (var i = 0; i < pieces.Count; i++)
                {
                    tokens.Add((pieces[i], i == 0 && tokens.Count > 0));
                }
            }
            else
            {
                tokens.Add((word, tokens.Count > 0));
            }
        }

        string Join(int from, int to)
        {
            var sb = new StringBuilder();
            for (var i = from; i < to; i++)
            {
                if (i > from && tokens[i].Space)
                {
                    sb.Append(' ');
                }

                sb.Append(tokens[i].Text);
            }

            return sb.ToString();
        }

        var n = Math.Min(lineCount, tokens.Count);
        List<string> best = [Join(0, tokens.Count)];
        var bestMax = double.MaxValue;
        var bestSquares = double.MaxValue;

        void Consider(List<string> lines)
        {
            var widths = lines.Select(Measure).ToList();
            var max = widths.Max();
            var squares = widths.Sum(x => x * x);
            // ties go to the later break, i.e. a fuller first line
            if (max < bestMax - 1e-9 || (Math.Abs(max - bestMax) < 1e-9 && squares <= bestSquares + 1e-9))
            {
                best = lines;
                bestMax = max;
                bestSquares = squares;
            }
        }

        if (n <= 1)
        {
            return best;
        }

        for (var i = 1; i < tokens.Count; i++)
        {
            if (n == 2)
            {
                Consider([Join(0, i), Join(i, tokens.Count)]);
                continue;
            }

            for (var j = i + 1; j < tokens.Count; j++)
            {
                Consider([Join(0, i), Join(i, j), Join(j, tokens.Count)]);
            }
        }

        return best;
    }

    /// <summary>Greedy word wrap by estimated width in em units; words wider than the limit are split evenly by characters.</summary>
    private static List<string> Wrap(string text, double limit)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        var currentUnits = 0.0;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var wordUnits = Measure(word);
            if (wordUnits > limit)
            {
                if (current.Length > 0)
                {
                    lines.Add(current.ToString());
                    current.Clear();
                    currentUnits = 0;
                }

                var chunks = SplitEvenly(word, (int)Math.Ceiling(wordUnits / limit));
                for (var i = 0; i < chunks.Count - 1; i++)
                {
                    lines.Add(chunks[i]);
                }

                current.Append(chunks[^1]);
                currentUnits = Measure(chunks[^1]);
                continue;
            }

            var needed = current.Length == 0 ? wordUnits : currentUnits + Measure(" ") + wordUnits;
            if (needed <= limit)
            {
                if (current.Length > 0)
                {
                    current.Append(' ');
                }

                current.Append(word);
                currentUnits = needed;
            }
            else
            {
                lines.Add(current.ToString());
                current.Clear().Append(word);
                currentUnits = wordUnits;
            }
        }

        if (current.Length > 0)
        {
            lines.Add(current.ToString());
        }

        return lines;
    }

    private static List<string> SplitEvenly(string word, int parts)
    {
        var elements = TextElements(word);
        var total = elements.Sum(Measure);
        var target = total / parts;
        var result = new List<string>();
        var current = new StringBuilder();
        var units = 0.0;
        foreach (var e in elements)
        {
            var w = Measure(e);
            if (current.Length > 0 && units + (w / 2) > target && result.Count < parts - 1)
            {
                result.Add(current.ToString());
                current.Clear();
                units = 0;
            }

            current.Append(e);
            units += w;
        }

        if (current.Length > 0)
        {
            result.Add(current.ToString());
        }

        return result;
    }

    private static List<string> TextElements(string s)
    {
        var list = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(s);
        while (e.MoveNext())
        {
            list.Add(e.GetTextElement());
        }

        return list;
    }

    private static string Ellipsize(string text, double limit)
    {
        if (Measure(text) <= limit)
        {
            return text;
        }

        var sb = new StringBuilder();
        var units = Measure("…");
        foreach (var e in TextElements(text))
        {
            var w = Measure(e);
            if (units + w > limit)
            {
                break;
            }

            sb.Append(e);
            units += w;
        }

        return sb.ToString().TrimEnd() + "…";
    }

    /// <summary>Estimated advance width in em units (Hangul/CJK ≈ 1em, Latin narrower).</summary>
    private static double Measure(string s)
    {
        var total = 0.0;
        foreach (var c in s)
        {
            total += CharUnits(c);
        }

        return total;
    }

    private static double CharUnits(char c)
    {
        if (char.IsLowSurrogate(c))
        {
            return 0;
        }

        if (char.IsHighSurrogate(c))
        {
            return 1;
        }

        if (c >= 0x1100 && (c <= 0x11FF || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFF60)))
        {
            return 1.0;
        }

        if (c is ' ')
        {
            return 0.3;
        }

        if (c is 'i' or 'l' or 'j' or 'I' or '.' or ',' or ':' or ';' or '!' or '\'' or '|' or '·')
        {
            return 0.3;
        }

        if (c is '-' or '(' or ')' or '[' or ']' or 'f' or 't' or 'r')
        {
            return 0.4;
        }

        if (c is 'M' or 'W' or 'm' or 'w' or '&' or '@')
        {
            return 0.88;
        }

        if (char.IsUpper(c) || char.IsDigit(c))
        {
            return 0.68;
        }

        if (c < 0x80 || char.IsLower(c))
        {
            return 0.56;
        }

        return 0.8;
    }

    // ── utils ────────────────────────────────────────────────────────

    private static double R(Random rng, double min, double max) => min + (rng.NextDouble() * (max - min));

    private static string F(double value) => Math.Round(value, 1).ToString("0.#", Inv);

    private static string Normalize(string s)
    {
        var sb = new StringBuilder(s.Length);
        var lastWasSpace = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            sb.Append(c);
            lastWasSpace = false;
        }

        return sb.ToString().TrimEnd();
    }

    /// <summary>Escapes XML special characters and drops characters that are not allowed in XML 1.0.</summary>
    private static string Esc(string s)
    {
        var sb = new StringBuilder(s.Length + 16);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            switch (c)
            {
                case '&':
                    sb.Append("&amp;");
                    break;
                case '<':
                    sb.Append("&lt;");
                    break;
                case '>':
                    sb.Append("&gt;");
                    break;
                case '"':
                    sb.Append("&quot;");
                    break;
                case '\'':
                    sb.Append("&apos;");
                    break;
                default:
                    if (char.IsHighSurrogate(c))
                    {
                        if (i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                        {
                            sb.Append(c).Append(s[i + 1]);
                            i++;
                        }
                    }
                    else if (char.IsLowSurrogate(c) || (c < 0x20 && c is not '\t' and not '\n' and not '\r') || c is '\uFFFE' or '\uFFFF')
                    {
                        // not representable in XML 1.0: drop
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>Artwork styles suited to a category label (Korean label or enum name); unknown labels may get any style.</summary>
    private static ArtStyle[] StylesFor(string category)
    {
        var c = category.ToUpperInvariant();
        bool Has(params string[] words) => words.Any(w => c.Contains(w, StringComparison.Ordinal));

        if (Has("CONCERT", "콘서트"))
        {
            return [ArtStyle.Spotlight, ArtStyle.Spotlight, ArtStyle.Ribbons];
        }

        if (Has("MUSICAL", "뮤지컬"))
        {
            return [ArtStyle.Moon, ArtStyle.Curtain, ArtStyle.Spotlight];
        }

        if (Has("PLAY", "연극"))
        {
            return [ArtStyle.Bands, ArtStyle.Bands, ArtStyle.Moon];
        }

        if (Has("CLASSIC", "클래식"))
        {
            return [ArtStyle.Waves, ArtStyle.Waves, ArtStyle.Ribbons];
        }

        if (Has("OPERA", "오페라"))
        {
            return [ArtStyle.Curtain, ArtStyle.Curtain, ArtStyle.Moon];
        }

        if (Has("DANCE", "무용", "발레", "댄스"))
        {
            return [ArtStyle.Ribbons, ArtStyle.Ribbons, ArtStyle.Moon];
        }

        if (Has("SPORT", "스포츠", "야구", "축구", "농구", "배구"))
        {
            return [ArtStyle.Stadium];
        }

        if (Has("FAMILY", "가족", "아동", "어린이", "키즈"))
        {
            return [ArtStyle.Bubbles, ArtStyle.Bubbles, ArtStyle.Moon];
        }

        return Enum.GetValues<ArtStyle>();
    }

    /// <summary>Relative luminance (0..1) of a "#rrggbb" colour.</summary>
    private static double Luminance(string hex)
    {
        static double Channel(string hex, int offset)
        {
            var v = int.Parse(hex.AsSpan(offset, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return v <= 0.03928 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(hex, 1)) + (0.7152 * Channel(hex, 3)) + (0.0722 * Channel(hex, 5));
    }
}
