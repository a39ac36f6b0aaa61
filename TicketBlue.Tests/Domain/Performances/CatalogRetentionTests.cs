using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Performances;

namespace TicketBlue.Tests.Domain.Performances;

[Trait("Category", "Unit")]
public sealed class CatalogRetentionTests
{
    private static readonly TimeSpan TenYears = TimeSpan.FromDays(3653);

    /// <summary>December 2016, in Seoul.</summary>
    private static readonly DateSpan Run2016 = new(new DateOnly(2016, 12, 1), new DateOnly(2016, 12, 31));

    [Fact]
    public void ShouldEndTheRunAtMidnightInSeoulAfterItsLastDay_GivenAnyRun()
    {
        CatalogRetention.EndOf(Run2016).ShouldBe(new DateTimeOffset(2016, 12, 31, 15, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void ShouldBeDueExactlyWhenTheRetentionHasPassedSinceTheEnd_GivenTheBoundaryInstant()
    {
        var end = CatalogRetention.EndOf(Run2016);

        CatalogRetention.IsDue(Run2016, end + TenYears, TenYears).ShouldBeTrue();
        CatalogRetention.IsDue(Run2016, end + TenYears - TimeSpan.FromTicks(1), TenYears).ShouldBeFalse();
    }

    [Fact]
    public void ShouldNotBeDue_GivenAShowThatEndedLessThanTheRetentionAgo()
    {
        var now = SeoulTime.At(new DateOnly(2026, 12, 7), new TimeOnly(4, 0));

        CatalogRetention.IsDue(new DateSpan(new DateOnly(2017, 1, 1), new DateOnly(2017, 1, 5)), now, TenYears).ShouldBeFalse();
        CatalogRetention.IsDue(Run2016, now, TenYears).ShouldBeFalse();
        CatalogRetention.IsDue(new DateSpan(new DateOnly(2016, 11, 1), new DateOnly(2016, 12, 1)), now, TenYears).ShouldBeTrue();
    }

    /// <summary>The job's SQL bound (last day of the run ≤ a day) must select exactly the shows the rule calls due.</summary>
    [Fact]
    public void ShouldSelectExactlyTheDueShows_GivenTheSqlBoundOverManyRunsAndInstants()
    {
        var mismatches = new List<string>();
        var firstDay = new DateOnly(2016, 11, 20);
        var instants = new[] { new TimeOnly(0, 0), new TimeOnly(0, 30), new TimeOnly(4, 0), new TimeOnly(8, 59), new TimeOnly(9, 0), new TimeOnly(23, 59) };
        foreach (var retention in new[] { TenYears, TimeSpan.FromDays(365), TimeSpan.FromDays(400.5) })
        {
            for (var offset = 0; offset < 30; offset++)
            {
                var run = new DateSpan(firstDay.AddDays(offset - 5), firstDay.AddDays(offset));
                var end = CatalogRetention.EndOf(run) + retention;
                foreach (var day in Enumerable.Range(-2, 5).Select(delta => SeoulTime.DateOf(end).AddDays(delta)))
                {
                    foreach (var time in instants)
                    {
                        var now = SeoulTime.At(day, time);
                        var bySql = run.Last <= CatalogRetention.LastRunDayDue(now, retention);
                        if (bySql != CatalogRetention.IsDue(run, now, retention))
                        {
                            mismatches.Add($"{run.Last} at {now:O} after {retention}");
                        }
                    }
                }
            }
        }

        mismatches.ShouldBeEmpty();
    }
}
