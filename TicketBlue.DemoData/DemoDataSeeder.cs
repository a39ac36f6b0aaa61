using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Coupons;
using TicketBlue.Domain.Files;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Performers;
using TicketBlue.Domain.Rounds;
using TicketBlue.Domain.Venues;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.DemoData;

/// <summary>
/// Loads the demo catalogue once into an empty database: venues with seat layouts, performers,
/// performances with generated posters, rounds over the next 60 days with their seat inventory,
/// coupons, and a demo customer and admin. Every object goes through the domain model, so demo
/// data obeys the same rules as data entered by an admin.
/// </summary>
public sealed partial class DemoDataSeeder(
    IDbContextFactory<TicketBlueDbContext> contextFactory,
    IBlobStore blobStore,
    UserManager<ApplicationUser> userManager,
    TimeProvider clock,
    ILogger<DemoDataSeeder> logger) : IDemoDataSeeder
{
    public const string CustomerEmail = "customer@ticketblue.kr";
    public const string CustomerPassword = "Customer!2345678";
    public const string AdminEmail = "admin@ticketblue.kr";
    public const string AdminPassword = "Admin!23456789";

    private const int RoundsPerPerformance = 5;
    private const int HorizonDays = 60;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await EnsureUserAsync(CustomerEmail, CustomerPassword, "김민지", Roles.Customer);
        await EnsureUserAsync(AdminEmail, AdminPassword, "관리자", Roles.Admin);

        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await context.Venues.AnyAsync(cancellationToken))
        {
            return;
        }

        var started = clock.GetTimestamp();
        var now = clock.GetUtcNow();
        var layouts = await SeedVenuesAsync(context, now, cancellationToken);
        var performers = await SeedPerformersAsync(context, now, cancellationToken);
        var performances = await SeedPerformancesAsync(context, layouts, performers, now, cancellationToken);
        var rounds = await SeedRoundsAsync(context, performances, now, cancellationToken);
        await SeedCouponsAsync(context, now, cancellationToken);
        var seconds = clock.GetElapsedTime(started).TotalSeconds;
        LogSeeded(logger, layouts.Count, performers.Count, performances.Count, rounds, seconds);
    }

    private async Task EnsureUserAsync(string email, string password, string name, string role)
    {
        if (await userManager.FindByEmailAsync(email) is not null)
        {
            return;
        }

        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name,
            CreatedAt = clock.GetUtcNow(),
        };
        var result = await userManager.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await userManager.AddToRoleAsync(user, role);
        }

        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo user {email} could not be created: {string.Join("; ", result.Errors.Select(error => error.Description))}");
        }
    }

    private static async Task<Dictionary<string, SeatLayout>> SeedVenuesAsync(TicketBlueDbContext context, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var venues = DemoCatalog.Venues.ToDictionary(
            demo => demo.Key,
            demo => Venue.Create(demo.Name, demo.EnglishName, demo.Address, demo.Region, demo.Description, now));
        context.Venues.AddRange(venues.Values);
        await context.SaveChangesAsync(cancellationToken);

        var layouts = DemoCatalog.Venues.ToDictionary(demo => demo.Key, demo => DemoLayoutFactory.Build(venues[demo.Key].Id, demo, now));
        context.SeatLayouts.AddRange(layouts.Values);
        await context.SaveChangesAsync(cancellationToken);
        return layouts;
    }

    private static async Task<Dictionary<string, Performer>> SeedPerformersAsync(TicketBlueDbContext context, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var performers = DemoCatalog.Performers.ToDictionary(
            demo => demo.Key,
            demo => Performer.Create(demo.Name, demo.EnglishName, demo.Kind, demo.BirthDate, demo.Nationality, demo.Bio, now));
        context.Performers.AddRange(performers.Values);
        await context.SaveChangesAsync(cancellationToken);
        return performers;
    }

    private async Task<List<(Performance Performance, DemoPerformance Demo)>> SeedPerformancesAsync(
        TicketBlueDbContext context,
        Dictionary<string, SeatLayout> layouts,
        Dictionary<string, Performer> performers,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var today = SeoulTime.DateOf(now);
        var venueNames = DemoCatalog.Venues.ToDictionary(venue => venue.Key, venue => venue.Name);
        var created = new List<(Performance, DemoPerformance)>();
        foreach (var (demo, index) in DemoCatalog.Performances.Select((demo, index) => (demo, index)))
        {
            var layout = layouts[demo.VenueKey];

            // Spread openings over the first three weeks so "upcoming" and "on sale" both have content.
            var first = today.AddDays(1 + (index * 3 % 21));
            var run = new DateSpan(first, today.AddDays(HorizonDays));
            var category = Enum.Parse<Category>(demo.Category);
            var performance = Performance.Create(
                demo.Title,
                demo.EnglishTitle,
                category,
                demo.Summary,
                demo.Description,
                demo.RunningMinutes - demo.IntermissionMinutes,
                demo.IntermissionMinutes,
                Enum.Parse<AgeRating>(demo.AgeRating),
                layout,
                run,
                now);
            performance.SetPrices(demo.Prices.Select(price => (SeatGrade.From(price.Grade), Money.FromWon(price.Amount))), layout.Grades(), now);
            performance.SetCast(demo.Cast.Select(member => (performers[member.PerformerKey].Id, member.Role)), now);

            var svg = PosterArt.RenderSvg(demo.Title, demo.EnglishTitle, CategoryLabel(category), demo.PosterTagline, venueNames[demo.VenueKey], index + 1);
            var bytes = Encoding.UTF8.GetBytes(svg);
            var key = $"posters/{Guid.NewGuid():N}.svg";
            using (var stream = new MemoryStream(bytes))
            {
                await blobStore.PutAsync(key, stream, "image/svg+xml", cancellationToken);
            }

            performance.SetPoster(new Poster(key, "image/svg+xml", bytes.Length), now);
            performance.Publish(now);
            created.Add((performance, demo));
        }

        context.Performances.AddRange(created.Select(item => item.Item1));
        await context.SaveChangesAsync(cancellationToken);
        return created;
    }

    private static async Task<int> SeedRoundsAsync(
        TicketBlueDbContext context,
        List<(Performance Performance, DemoPerformance Demo)> performances,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var scheduled = new List<Round>();
        foreach (var ((performance, demo), index) in performances.Select((item, index) => (item, index)))
        {
            // Every seventh show opens its sales in a few days, so the catalogue has "오픈 예정" too.
            var salesOpen = index % 7 == 6 ? now.AddDays(3) : now.AddDays(-1);
            var runDays = performance.Run.Last.DayNumber - performance.Run.First.DayNumber;
            var step = Math.Max(1, runDays / RoundsPerPerformance);
            var count = 0;
            for (var day = performance.Run.First; day <= performance.Run.Last && count < RoundsPerPerformance; day = day.AddDays(step))
            {
                foreach (var time in demo.ShowTimes.Select(text => TimeOnly.ParseExact(text, "HH:mm", CultureInfo.InvariantCulture)))
                {
                    var startsAt = SeoulTime.At(day, time);
                    var endsAt = startsAt + performance.Duration;

                    // Demo shows share venues: skip a slot the hall is already busy in (the same rule admins get).
                    if (count >= RoundsPerPerformance || scheduled.Any(round => round.VenueId == performance.VenueId && round.Overlaps(startsAt, endsAt)))
                    {
                        continue;
                    }

                    var salesWindow = new TimeWindow(salesOpen, startsAt.AddHours(-2));
                    scheduled.Add(Round.Schedule(performance, startsAt, salesWindow, Round.DefaultTicketLimit, HoldPolicy.Default, now));
                    count++;
                }
            }
        }

        context.Rounds.AddRange(scheduled);
        await context.SaveChangesAsync(cancellationToken);
        foreach (var round in scheduled)
        {
            await RoundInventory.CreateAsync(context, round, cancellationToken);
        }

        return scheduled.Count;
    }

    private static async Task SeedCouponsAsync(TicketBlueDbContext context, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var validity = new TimeWindow(now.AddDays(-1), now.AddDays(HorizonDays + 30));
        context.Coupons.AddRange(DemoCatalog.Coupons.Select(demo => Coupon.Create(
            demo.Code,
            demo.Name,
            Enum.Parse<DiscountType>(demo.Type),
            demo.Value,
            demo.MaxDiscount is { } max ? Money.FromWon(max) : null,
            Money.FromWon(demo.MinOrder),
            demo.TotalQuantity,
            demo.PerCustomerLimit,
            validity,
            [],
            now)));
        await context.SaveChangesAsync(cancellationToken);
    }

    private static string CategoryLabel(Category category) => category switch
    {
        Category.Concert => "콘서트",
        Category.Musical => "뮤지컬",
        Category.Play => "연극",
        Category.Classic => "클래식",
        Category.Opera => "오페라",
        Category.Dance => "무용",
        Category.Sports => "스포츠",
        Category.Family => "가족",
        _ => category.ToString(),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data loaded: {Venues} venues, {Performers} performers, {Performances} performances, {Rounds} rounds in {Seconds:F1} s")]
    private static partial void LogSeeded(ILogger logger, int venues, int performers, int performances, int rounds, double seconds);
}
