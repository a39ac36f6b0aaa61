using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using TicketBlue.Web.Features.Booking;
using TicketBlue.Web.Features.Catalog;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Booking;

/// <summary>The round's shared seat-map model and the drawing the browser fetches.</summary>
[Trait("Category", "Unit")]
public sealed class SeatMapModelsTests : SeatMapTestBase
{
    [Fact]
    public void ShouldShareOneModelPerRoundAndLanguage_GivenManyViewers()
    {
        var models = Models();

        var first = models.For(RoundId, Layout);
        var second = models.For(RoundId, Layout);
        var english = InCulture("en", () => models.For(RoundId, Layout));
        var nextLayout = models.For(RoundId, Layout with { });

        second.ShouldBeSameAs(first);
        english.ShouldNotBeSameAs(first);
        english.Culture.ShouldBe("en");
        english.Labels[0].ShouldBe("R seat 1층 A구역 1열 1번, ₩110,000");
        english.Drawing.Version.ShouldNotBe(first.Drawing.Version);
        nextLayout.ShouldNotBeSameAs(first);
        nextLayout.Drawing.Version.ShouldBe(first.Drawing.Version);
    }

    [Fact]
    public void ShouldWriteEverySeatColumnByColumn_GivenTheTestHall()
    {
        var drawing = Models().For(RoundId, Layout).Drawing;

        using var json = JsonDocument.Parse(drawing.Json);
        var root = json.RootElement;
        root.GetProperty("ids").EnumerateArray().Select(id => id.GetInt64()).ShouldBe(Enumerable.Range(1, 20).Select(id => (long)id));
        root.GetProperty("x")[11].GetInt32().ShouldBe(260);
        root.GetProperty("y")[5].GetInt32().ShouldBe(140);
        root.GetProperty("g").EnumerateArray().Select(grade => grade.GetInt32()).Take(10).ShouldBe([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
        root.GetProperty("wheelchair").EnumerateArray().Select(index => index.GetInt32()).ShouldBe([5, 15]);
        root.GetProperty("labels")[5].GetString().ShouldBe("S석 1층 A구역 2열 1번 휠체어석, 80,000원");
        root.GetProperty("states").EnumerateArray().Select(state => state.GetString()).ShouldBe(["선택 가능", "내가 선점한 좌석", "다른 고객이 선점 중", "판매 완료", "판매하지 않는 좌석"]);
        root.GetProperty("selected").GetString().ShouldBe("선택함");
        root.GetProperty("stage").GetProperty("label").GetString().ShouldBe("무대");
        root.GetProperty("sections").EnumerateArray().Select(section => section.GetProperty("name").GetString()).ShouldBe(["1층 A구역", "1층 B구역"]);
        root.GetProperty("r").GetDouble().ShouldBe(8);
        root.GetProperty("check").GetString().ShouldBe(SeatShapes.Check(8));
        drawing.Version.ShouldMatch("^[0-9a-f]{16}$");
        Decompress(new BrotliStream(new MemoryStream(drawing.Brotli.ToArray()), CompressionMode.Decompress)).ShouldBe(drawing.Json.ToArray());
        Decompress(new GZipStream(new MemoryStream(drawing.Gzip.ToArray()), CompressionMode.Decompress)).ShouldBe(drawing.Json.ToArray());
    }

    [Fact]
    public void ShouldDrawTheHallAsEverySeatMapDoes_GivenTheTestHall()
    {
        var drawing = Models().For(RoundId, Layout).Drawing;
        var hall = HallDrawing.Of(
            Layout.Width,
            Layout.Height,
            Layout.Stage,
            Layout.Sections.Select(section => new HallSection(section.Id, $"{section.Floor}층 {section.Name}구역")).ToList(),
            Layout.Seats.Select(seat => new HallSeat(seat.RoundSeatId, seat.SectionId, seat.X, seat.Y, seat.Grade, seat.IsAccessible)).ToList());

        using var json = JsonDocument.Parse(drawing.Json);
        var root = json.RootElement;
        root.GetProperty("r").GetDouble().ShouldBe(hall.SeatRadius);
        root.GetProperty("font").GetDouble().ShouldBe(hall.SectionFont);
        root.GetProperty("stage").GetProperty("font").GetDouble().ShouldBe(hall.StageFont);
        root.GetProperty("sections").EnumerateArray()
            .Select(section => (section.GetProperty("x").GetDouble(), section.GetProperty("y").GetDouble()))
            .ShouldBe(hall.Labels.Select(label => (label.X, label.Y)));
    }

    private SeatMapModels Models() => Services.GetRequiredService<SeatMapModels>();

    private static byte[] Decompress(Stream compressed)
    {
        using var input = compressed;
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    private static T InCulture<T>(string culture, Func<T> read)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
