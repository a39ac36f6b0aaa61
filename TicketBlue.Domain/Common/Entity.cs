namespace TicketBlue.Domain.Common;

/// <summary>
/// Base of every entity: an identity. There are no domain events: the side effects of a change
/// (coupon use, hold conversion, outbox messages) are written in the change's own transaction by
/// the use case that makes it (ADR-010).
/// </summary>
public abstract class Entity<TId>
    where TId : notnull
{
    public TId Id { get; protected set; } = default!;
}
