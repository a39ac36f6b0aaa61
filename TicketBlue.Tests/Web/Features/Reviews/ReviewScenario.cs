using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using TicketBlue.Infrastructure.Auditing;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Tests.Fixtures;
using TicketBlue.Web.Features.Admin;
using TicketBlue.Web.Features.Admin.Reviews;
using TicketBlue.Web.Features.Catalog.Performances;
using TicketBlue.Web.Features.Reviews;

namespace TicketBlue.Tests.Web.Features.Reviews;

/// <summary>
/// The review handlers as the app wires them, on one test database: customers as rows, sales made
/// through the domain (<see cref="ReservationSales"/>), a fixed clock and an admin who passes the role check.
/// </summary>
internal sealed class ReviewScenario
{
    // Whole seconds: MariaDB keeps microseconds, .NET ticks are finer.
    public static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    public static readonly AdminActor Admin = new("admin-1", "admin@ticketblue.kr");

    private readonly BookingDatabase _booking;

    public ReviewScenario(BookingDatabase booking, IDbContextFactory<TicketBlueDbContext>? contexts = null)
    {
        _booking = booking;
        Contexts = contexts ?? new TestDbContextFactory(booking.Database);
        CurrentAdmin.GetAsync().Returns(Admin);
    }

    public IDbContextFactory<TicketBlueDbContext> Contexts { get; }

    public FakeTimeProvider Clock { get; } = new(Now);

    public ICurrentAdmin CurrentAdmin { get; } = Substitute.For<ICurrentAdmin>();

    public GetReviewFormHandler Forms => new(Contexts, Clock);

    public SaveReviewHandler Saves => new(Contexts, Clock);

    public DeleteReviewHandler Deletes => new(Contexts);

    public SetReviewHiddenHandler Hiding => new(Contexts, CurrentAdmin, Clock);

    public GetPerformanceDetailHandler ShowPage => new(Contexts, Clock);

    public async Task<string> CustomerAsync() => (await _booking.CreateCustomersAsync(1))[0];

    /// <summary>A paid sale whose round started yesterday evening (Seoul), between 4 and 30 hours ago.</summary>
    public Task<ReservationSale> SeenAsync(string userId) => ReservationSales.SellAsync(_booking.Database, userId, Now.AddDays(-8));

    /// <summary>A paid sale whose round is a week away.</summary>
    public Task<ReservationSale> UpcomingAsync(string userId) => ReservationSales.SellAsync(_booking.Database, userId, Now);
}
