using FluentValidation.Results;
using TicketBlue.Domain.Common;
using TicketBlue.Infrastructure.Localization;

namespace TicketBlue.Web.Features;

/// <summary>
/// What a command tells the page: success (with the id it produced), or messages to show — a
/// broken business rule, field errors from the validator, or a concurrent edit.
/// </summary>
public sealed record CommandResult(bool Succeeded, long? Id, string? Error, IReadOnlyDictionary<string, string[]> FieldErrors)
{
    private static readonly IReadOnlyDictionary<string, string[]> NoFieldErrors = new Dictionary<string, string[]>();

    public static CommandResult Success(long? id = null) => new(true, id, null, NoFieldErrors);

    public static CommandResult Failure(string error) => new(false, null, error, NoFieldErrors);

    /// <summary>A broken rule, in the current UI culture's words for its code (never the exception's Korean message).</summary>
    public static CommandResult From(DomainException exception) => Failure(ErrorTexts.For(exception));

    public static CommandResult From(ValidationResult validation) =>
        new(
            false,
            null,
            validation.Errors.FirstOrDefault()?.ErrorMessage,
            validation.Errors.GroupBy(error => error.PropertyName).ToDictionary(group => group.Key, group => group.Select(error => error.ErrorMessage).ToArray()));
}
