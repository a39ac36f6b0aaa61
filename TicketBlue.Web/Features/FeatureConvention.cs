namespace TicketBlue.Web.Features;

/// <summary>
/// Where <see cref="Microsoft.Extensions.DependencyInjection.FeatureServices"/> looks for slices: the
/// classes of this namespace and those under it. A class there that implements the interface named
/// after it (I + its name) is registered as that interface, scoped.
/// </summary>
public static class FeatureConvention
{
    public const string Namespace = "TicketBlue.Web.Features";
}
