using TicketBlue.Domain.Common;
using TicketBlue.Domain.Booking;
using TicketBlue.Domain.Rounds;

namespace TicketBlue.Infrastructure.Booking;

/// <summary>A request of the batch that goes to the database: its hold, started by the domain.</summary>
internal sealed record HoldClaim(PendingHold Pending, SeatHold Hold, Round Round);

/// <summary>A request that wants a seat an earlier request of the same batch claimed.</summary>
internal sealed record BlockedHold(PendingHold Pending, IReadOnlyList<long> Seats, IReadOnlyList<HoldClaim> By);

/// <summary>
/// What one batch does with each of its requests, decided before any seat is touched, in arrival
/// order: the domain's rules (<see cref="SeatHold.Start"/>: the show public, sales open, the customer's
/// e-mail confirmed, limit per customer, with the seats the customer's earlier requests in this batch
/// claim counted too), then first come first
/// served between requests of the batch that want the same seat. Pure: the database's answers come in.
/// </summary>
internal sealed class HoldBatchPlan
{
    private HoldBatchPlan()
    {
    }

    /// <summary>Requests that go to the database, each with seats no other claim of the batch has.</summary>
    public List<HoldClaim> Claims { get; } = [];

    /// <summary>Requests to answer "taken" if the claims they lost to succeed, or to try again in the next batch if not.</summary>
    public List<BlockedHold> Blocked { get; } = [];

    /// <summary>Requests the rules refuse, answered as they are.</summary>
    public List<(PendingHold Pending, HoldFailure Failure)> Refused { get; } = [];

    /// <summary>
    /// Requests refused only because of what the same customer's earlier claims in this batch would
    /// hold: those claims may still fail, so the request is decided again in the next batch.
    /// </summary>
    public List<PendingHold> Deferred { get; } = [];

    /// <summary>Requests of customers that do not exist: a fault, not a rule.</summary>
    public List<PendingHold> UnknownCustomers { get; } = [];

    /// <summary>Every seat the database should read back: those claimed and those blocked.</summary>
    public IReadOnlyCollection<long> SeatsToRead =>
        Claims.SelectMany(claim => claim.Pending.RoundSeatIds).Concat(Blocked.SelectMany(blocked => blocked.Seats)).ToHashSet();

    public static HoldBatchPlan Make(IReadOnlyList<PendingHold> batch, IReadOnlyDictionary<long, RoundForSale> rounds, CustomerSeats customers, DateTimeOffset now)
    {
        var plan = new HoldBatchPlan();
        var claimedBy = new Dictionary<long, HoldClaim>();
        var claimedInBatch = new Dictionary<(string UserId, long RoundId), int>();
        foreach (var pending in batch)
        {
            if (!rounds.TryGetValue(pending.RoundId, out var sale))
            {
                plan.Refused.Add((pending, HoldFailures.RoundNotFound));
                continue;
            }

            if (!customers.Existing.Contains(pending.UserId))
            {
                plan.UnknownCustomers.Add(pending);
                continue;
            }

            var key = (pending.UserId, pending.RoundId);
            var inBatch = claimedInBatch.GetValueOrDefault(key);
            SeatHold hold;
            try
            {
                var customer = new HoldCustomer(pending.UserId, !customers.Unconfirmed.Contains(pending.UserId));
                hold = SeatHold.Start(sale.Round, sale.PerformanceStatus, customer, pending.RoundSeatIds, customers.OwnedBy(pending.UserId, pending.RoundId) + inBatch, now);
            }
            catch (DomainException exception) when (exception.Code == "hold.limit" && inBatch > 0)
            {
                plan.Deferred.Add(pending);
                continue;
            }
            catch (DomainException exception)
            {
                plan.Refused.Add((pending, HoldFailure.From(exception)));
                continue;
            }

            var blocking = pending.RoundSeatIds.Where(claimedBy.ContainsKey).ToList();
            if (blocking.Count > 0)
            {
                plan.Blocked.Add(new BlockedHold(pending, blocking, blocking.Select(seat => claimedBy[seat]).Distinct().ToList()));
                continue;
            }

            var claim = new HoldClaim(pending, hold, sale.Round);
            plan.Claims.Add(claim);
            claimedInBatch[key] = inBatch + pending.RoundSeatIds.Count;
            foreach (var seat in pending.RoundSeatIds)
            {
                claimedBy[seat] = claim;
            }
        }

        return plan;
    }
}
