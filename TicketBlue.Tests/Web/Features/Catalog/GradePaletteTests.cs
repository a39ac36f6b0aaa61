using System.Globalization;
using Shouldly;
using TicketBlue.Domain.Venues;
using TicketBlue.Web.Features.Catalog;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Catalog;

/// <summary>One colour per grade on every seat map, each visible against the white page.</summary>
[Trait("Category", "Unit")]
public sealed class GradePaletteTests
{
    private static readonly string[] Grades = ["TABLE", "B", "D", "BOX", "VIP", "C", "A", "S", "R", "ZONE1", "ZONE2", "ZONE3", "ZONE4", "ZONE5"];

    [Fact]
    public void ShouldGiveAUsualGradeTheSameColour_WhateverOtherGradesTheHallHas()
    {
        GradePalette.ByGrade(["R", "S"])["S"].ShouldBe(GradePalette.ByGrade(["VIP", "S", "TABLE"])["S"]);
    }

    [Fact]
    public void ShouldGiveEveryGradeOfAHallItsOwnColour_InGradeOrder()
    {
        var palette = GradePalette.For(Grades);

        palette.Select(pair => pair.Grade).ShouldBe(["VIP", "R", "S", "A", "B", "C", "D", "BOX", "TABLE", "ZONE1", "ZONE2", "ZONE3", "ZONE4", "ZONE5"]);
        palette.Select(pair => pair.Colour).Distinct(StringComparer.OrdinalIgnoreCase).Count().ShouldBe(palette.Count - 1, "only the seventh house code repeats: the second palette has six");
    }

    [Fact]
    public void ShouldKeepThreeToOneContrastAgainstWhite_ForEveryColour()
    {
        foreach (var (grade, colour) in GradePalette.For(Grades))
        {
            ContrastWithWhite(colour).ShouldBeGreaterThanOrEqualTo(3.0, $"{grade} {colour}");
        }
    }

    [Fact]
    public void ShouldColourEverySeatMapsGradesFromThePalette()
    {
        var seats = Grades.Select((grade, index) => new HallSeat(index + 1, 1, index * 24, 0, grade, false)).ToList();

        var drawing = HallDrawing.Of(400, 300, new StageArea(0, 0, 0, 0), [], seats);

        drawing.Grades.ToDictionary(grade => grade.Grade, grade => grade.Colour).ShouldBe(GradePalette.ByGrade(Grades));
    }

    // WCAG relative luminance of an sRGB colour "#rrggbb" against white (luminance 1).
    private static double ContrastWithWhite(string colour)
    {
        double Channel(int offset)
        {
            var value = int.Parse(colour.AsSpan(offset, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return value <= 0.03928 ? value / 12.92 : Math.Pow((value + 0.055) / 1.055, 2.4);
        }

        var luminance = (0.2126 * Channel(1)) + (0.7152 * Channel(3)) + (0.0722 * Channel(5));
        return 1.05 / (luminance + 0.05);
    }
}
