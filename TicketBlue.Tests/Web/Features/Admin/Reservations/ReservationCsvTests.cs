using Shouldly;
using TicketBlue.Web.Features.Admin.Reservations;

namespace TicketBlue.Tests.Web.Features.Admin.Reservations;

[Trait("Category", "Unit")]
public sealed class ReservationCsvTests
{
    [Theory]
    [InlineData("김민지", "김민지")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\rlf", "\"cr\rlf\"")]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+821012345678", "'+821012345678")]
    [InlineData("-5", "'-5")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void ShouldQuoteAsRfc4180AndDefuseFormulas(string? value, string expected) =>
        ReservationCsv.Field(value).ShouldBe(expected);

    [Fact]
    public void ShouldEndEachLineWithCrLf() =>
        ReservationCsv.Line(["a", null, "b,c"]).ShouldBe("a,,\"b,c\"\r\n");

    [Fact]
    public async Task ShouldReportProgressEveryFewRowsAndAtTheEnd()
    {
        var reports = new List<int>();
        await using var writer = new StringWriter();

        var written = await ReservationCsv.WriteAsync(writer, ["h"], Rows(5), row => [row.Number], count => { reports.Add(count); return Task.CompletedTask; }, 2, TestContext.Current.CancellationToken);

        written.ShouldBe(5);
        reports.ShouldBe([2, 4, 5]);
        writer.ToString().ShouldBe("h\r\nN0\r\nN1\r\nN2\r\nN3\r\nN4\r\n");
    }

    private static async IAsyncEnumerable<TicketBlue.Infrastructure.Reservations.ReservationSearchRow> Rows(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            yield return new(i, $"N{i}", "고객", null, null, "공연", DateTimeOffset.UnixEpoch, 1, 1000, TicketBlue.Domain.Reservations.ReservationStatus.Confirmed, null, null, DateTimeOffset.UnixEpoch);
        }
    }
}
