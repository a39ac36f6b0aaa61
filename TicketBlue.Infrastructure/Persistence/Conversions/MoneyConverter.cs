using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TicketBlue.Domain.Common;

namespace TicketBlue.Infrastructure.Persistence.Conversions;

/// <summary>Stores <see cref="Money"/> as a BIGINT of won.</summary>
public sealed class MoneyConverter() : ValueConverter<Money, long>(money => money.Won, won => Money.FromWon(won));
