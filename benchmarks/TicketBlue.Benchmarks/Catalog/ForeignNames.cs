namespace TicketBlue.Benchmarks.Catalog;

/// <summary>Western names as Korean sites write them in Hangul, with the original spelling as the English name.</summary>
public static class ForeignNames
{
    private static readonly (string Korean, string English)[] Given =
    [
        ("안나", "Anna"), ("데이비드", "David"), ("마리아", "Maria"), ("존", "John"), ("엘레나", "Elena"), ("마이클", "Michael"),
        ("소피", "Sophie"), ("토마스", "Thomas"), ("루카스", "Lucas"), ("에밀리", "Emily"), ("다니엘", "Daniel"), ("클라라", "Clara"),
        ("알렉산더", "Alexander"), ("이사벨", "Isabelle"), ("막심", "Maxim"), ("율리아", "Julia"), ("파블로", "Pablo"), ("카밀", "Camille"),
        ("레오", "Leo"), ("올리비아", "Olivia"), ("제임스", "James"), ("니콜라", "Nicola"), ("마르코", "Marco"), ("한나", "Hannah"),
    ];

    private static readonly (string Korean, string English)[] Family =
    [
        ("스미스", "Smith"), ("뮐러", "Müller"), ("로시", "Rossi"), ("마르탱", "Martin"), ("가르시아", "Garcia"), ("브라운", "Brown"),
        ("이바노프", "Ivanov"), ("베버", "Weber"), ("존슨", "Johnson"), ("베르나르", "Bernard"), ("페트로프", "Petrov"), ("로페스", "López"),
        ("테일러", "Taylor"), ("슈미트", "Schmidt"), ("콜린스", "Collins"), ("데 루카", "De Luca"), ("앤더슨", "Anderson"), ("노바크", "Novak"),
        ("피셔", "Fischer"), ("워커", "Walker"), ("모로", "Moreau"), ("하퍼", "Harper"), ("코발스키", "Kowalski"), ("라인하르트", "Reinhardt"),
    ];

    /// <summary>("안나 뮐러", "Anna Müller").</summary>
    public static (string Korean, string English) Person(Random random)
    {
        var given = Given[random.Next(Given.Length)];
        var family = Family[random.Next(Family.Length)];
        return ($"{given.Korean} {family.Korean}", $"{given.English} {family.English}");
    }
}
