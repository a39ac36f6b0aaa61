namespace TicketBlue.Web.PageCaching;

/// <summary>The output-cache policy names pages put in <c>[OutputCache(PolicyName = …)]</c>.</summary>
public static class SharedPagePolicies
{
    public const string Performance = "shared-page:performance";

    public const string Search = "shared-page:search";
}
