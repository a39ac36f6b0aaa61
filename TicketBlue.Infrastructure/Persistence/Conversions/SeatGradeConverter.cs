using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TicketBlue.Domain.Venues;

namespace TicketBlue.Infrastructure.Persistence.Conversions;

/// <summary>Stores a <see cref="SeatGrade"/> as its code.</summary>
public sealed class SeatGradeConverter() : ValueConverter<SeatGrade, string>(grade => grade.Code, code => SeatGrade.From(code));
