namespace TicketBlue.Benchmarks.Catalog;

/// <summary>One query of the fixed mix and why it is there.</summary>
public sealed record MixQuery(string Text, string Kind);

/// <summary>
/// The fixed search mix of issue 6: 30 queries a customer types, in five kinds. Every query has
/// targets in a generated catalogue (titles, performers and venues are built from the same words),
/// except that typos and spacing variants only find them through an engine that forgives them.
/// </summary>
public static class SearchQueryMix
{
    public static readonly IReadOnlyList<MixQuery> Queries =
    [
        new("레미제", "Korean partial word"),
        new("유령", "Korean partial word"),
        new("호두까기", "Korean partial word"),
        new("전국투어", "Korean partial word"),
        new("리사이틀", "Korean partial word"),
        new("해운대", "Korean partial word"),
        new("오페라의유령", "spacing variant"),
        new("지킬앤하이드", "spacing variant"),
        new("레 미제라블", "spacing variant"),
        new("백조의호수", "spacing variant"),
        new("라트라비아타", "spacing variant"),
        new("어린이뮤지컬", "spacing variant"),
        new("phantom", "English"),
        new("Les Mis", "English"),
        new("Nutcracker", "English"),
        new("Philharmonic", "English"),
        new("Swan Lake", "English"),
        new("Busan", "English"),
        new("레미제라늘", "typo"),
        new("오패라의 유령", "typo"),
        new("phantm", "typo"),
        new("nutcraker", "typo"),
        new("Mozrat", "typo"),
        new("Philharmonik", "typo"),
        new("김민준", "performer name"),
        new("민준", "performer name"),
        new("Kim Min-jun", "performer name"),
        new("안나 뮐러", "performer name"),
        new("Müller", "performer name"),
        new("Park Seo", "performer name"),
    ];
}
