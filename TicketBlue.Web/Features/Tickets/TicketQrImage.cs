using System.Text;
using QRCoder;

namespace TicketBlue.Web.Features.Tickets;

/// <summary>
/// Draws a ticket code as a QR code in SVG, as a data URI for an &lt;img&gt;: vector, so it stays sharp
/// on any phone screen or printout, and an image element carries a real alt text for screen readers.
/// Error correction level M survives a cracked screen or a smudge without making the code dense.
/// </summary>
public static class TicketQrImage
{
    /// <summary>Pixels per QR module in the SVG's own units; the page scales the image anyway.</summary>
    private const int PixelsPerModule = 8;

    public static string DataUri(string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(code, QRCodeGenerator.ECCLevel.M);
        using var svg = new SvgQRCode(data);
        var markup = svg.GetGraphic(PixelsPerModule, "#000000", "#ffffff", drawQuietZones: true);
        return "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(markup));
    }
}
