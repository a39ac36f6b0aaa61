namespace TicketBlue.Web.PageCaching;

/// <summary>The pages whose rendered HTML anonymous visitors share, each with its own output-cache policy.</summary>
public enum SharedPageKind
{
    /// <summary><c>/performances/{id}</c>: kept under the catalogue generation and the show's seat version, while its page says it is exact.</summary>
    Performance,

    /// <summary><c>/search?q=…</c>: kept under the catalogue generation.</summary>
    Search,
}
