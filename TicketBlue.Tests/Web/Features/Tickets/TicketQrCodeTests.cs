using System.Text;
using System.Xml.Linq;
using Bunit;
using Shouldly;
using TicketBlue.Web.Features.Tickets;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Tickets;

[Trait("Category", "Component")]
public sealed class TicketQrCodeTests : ComponentTestBase
{
    private const string Code = "TB1.4321.q1w2e3r4t5y6u7i8o9p0aZ";
    private const string DataUriPrefix = "data:image/svg+xml;base64,";

    [Fact]
    public void ShouldDrawTheCodeAsAnSvgImage_WithAKoreanAltTextNamingTheCode()
    {
        var component = Render<TicketQrCode>(parameters => parameters.Add(qr => qr.Code, Code));

        var image = component.Find("img");
        image.GetAttribute("alt").ShouldBe($"입장 QR 코드. 입구에서 보여 주세요. 티켓 코드 {Code}");
        var source = image.GetAttribute("src")!;
        source.ShouldStartWith(DataUriPrefix);
        var svg = XDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(source[DataUriPrefix.Length..])));
        svg.Root!.Name.LocalName.ShouldBe("svg");
        // A 29-module (version 3) symbol inside a 4-module quiet zone, starting with the top-left finder pattern.
        svg.Root.Attribute("viewBox")!.Value.ShouldBe("0 0 37 37");
        svg.Root.Elements().Single(element => element.Name.LocalName == "path").Attribute("d")!.Value.ShouldStartWith("M4 4h7v1h-7z");
        component.Find("[data-testid=ticket-code]").TextContent.ShouldBe(Code);
    }

    [Fact]
    public void ShouldDrawADifferentImage_WhenTheCodeChanges()
    {
        var component = Render<TicketQrCode>(parameters => parameters.Add(qr => qr.Code, Code));
        var first = component.Find("img").GetAttribute("src");

        component.Render(parameters => parameters.Add(qr => qr.Code, "TB1.4322.q1w2e3r4t5y6u7i8o9p0aZ"));

        component.Find("img").GetAttribute("src").ShouldNotBe(first);
    }

    [Fact]
    public void ShouldDrawTheSameImage_GivenTheSameCode()
    {
        TicketQrImage.DataUri(Code).ShouldBe(TicketQrImage.DataUri(Code));
    }
}
