using Microsoft.EntityFrameworkCore;

namespace TicketBlue.Infrastructure.Persistence;

internal static class ModelBuilderExtensions
{
    /// <summary>Every enum is stored by name (readable in SQL and safe against reordering).</summary>
    public static void StoreEnumsAsStrings(this ModelBuilder builder)
    {
        foreach (var entityType in builder.Model.GetEntityTypes())
        {
            foreach (var property in entityType.GetProperties())
            {
                var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
                if (type.IsEnum)
                {
                    property.SetProviderClrType(typeof(string));
                    property.SetMaxLength(30);
                }
            }

            foreach (var complex in entityType.GetComplexProperties())
            {
                foreach (var property in complex.ComplexType.GetProperties())
                {
                    var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
                    if (type.IsEnum)
                    {
                        property.SetProviderClrType(typeof(string));
                        property.SetMaxLength(30);
                    }
                }
            }
        }
    }
}
