using FluentValidation;

namespace TicketBlue.Web.Features.Admin;

/// <summary>
/// Lets a MudForm validate each field with the slice's FluentValidation validator, so the browser and
/// the server check the same rules (MudBlazor's FluentValidation example).
/// </summary>
public static class FluentValueValidator
{
    public static Func<object, string, Task<IEnumerable<string>>> For<T>(IValidator<T> validator) =>
        async (model, propertyName) =>
        {
            var result = await validator.ValidateAsync(ValidationContext<T>.CreateWithOptions((T)model, options => options.IncludeProperties(propertyName)));
            return result.IsValid ? [] : result.Errors.Select(error => error.ErrorMessage);
        };
}
