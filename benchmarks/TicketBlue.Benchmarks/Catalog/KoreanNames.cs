namespace TicketBlue.Benchmarks.Catalog;

/// <summary>
/// Korean personal names with the romanization a ticket site prints beside them ("한지오 / Han Ji-o").
/// Surnames come in rough order of frequency and are picked with a skew towards the front.
/// </summary>
public static class KoreanNames
{
    private static readonly (string Korean, string English)[] Surnames =
    [
        ("김", "Kim"), ("이", "Lee"), ("박", "Park"), ("최", "Choi"), ("정", "Jung"), ("강", "Kang"), ("조", "Cho"), ("윤", "Yoon"),
        ("장", "Jang"), ("임", "Lim"), ("한", "Han"), ("오", "Oh"), ("서", "Seo"), ("신", "Shin"), ("권", "Kwon"), ("황", "Hwang"),
        ("안", "Ahn"), ("송", "Song"), ("전", "Jeon"), ("홍", "Hong"), ("유", "Yoo"), ("고", "Ko"), ("문", "Moon"), ("양", "Yang"),
        ("손", "Son"), ("배", "Bae"), ("백", "Baek"), ("허", "Heo"), ("남", "Nam"), ("심", "Shim"), ("노", "Noh"), ("하", "Ha"),
        ("곽", "Kwak"), ("성", "Sung"), ("차", "Cha"), ("주", "Joo"), ("우", "Woo"), ("구", "Koo"), ("민", "Min"), ("류", "Ryu"),
        ("나", "Na"), ("진", "Jin"), ("엄", "Um"), ("채", "Chae"), ("원", "Won"), ("천", "Chun"), ("방", "Bang"), ("공", "Kong"),
        ("현", "Hyun"), ("함", "Ham"), ("변", "Byun"), ("염", "Yeom"), ("여", "Yeo"), ("추", "Choo"), ("도", "Do"), ("석", "Seok"),
        ("설", "Seol"), ("마", "Ma"), ("길", "Gil"), ("연", "Yeon"), ("표", "Pyo"), ("명", "Myung"), ("기", "Ki"), ("왕", "Wang"),
        ("금", "Keum"), ("옥", "Ok"), ("인", "In"), ("탁", "Tak"), ("국", "Kook"), ("은", "Eun"), ("예", "Ye"), ("봉", "Bong"),
        ("제갈", "Jegal"), ("남궁", "Namgung"), ("황보", "Hwangbo"), ("선우", "Sunwoo"), ("독고", "Dokgo"),
    ];

    private static readonly (string Korean, string English)[] Syllables =
    [
        ("민", "min"), ("서", "seo"), ("지", "ji"), ("현", "hyun"), ("준", "jun"), ("우", "woo"), ("수", "su"), ("연", "yeon"),
        ("영", "young"), ("호", "ho"), ("진", "jin"), ("성", "sung"), ("은", "eun"), ("하", "ha"), ("윤", "yun"), ("재", "jae"),
        ("정", "jung"), ("동", "dong"), ("혜", "hye"), ("희", "hee"), ("예", "ye"), ("원", "won"), ("도", "do"), ("유", "yu"),
        ("승", "seung"), ("태", "tae"), ("경", "kyung"), ("상", "sang"), ("아", "a"), ("주", "ju"), ("빈", "bin"), ("채", "chae"),
        ("다", "da"), ("나", "na"), ("소", "so"), ("시", "si"), ("건", "geon"), ("혁", "hyuk"), ("석", "seok"), ("한", "han"),
        ("규", "gyu"), ("훈", "hoon"), ("율", "yul"), ("린", "rin"), ("별", "byeol"), ("솔", "sol"), ("인", "in"), ("찬", "chan"),
        ("용", "yong"), ("기", "ki"), ("미", "mi"), ("선", "sun"), ("보", "bo"), ("람", "ram"), ("온", "on"), ("안", "an"),
        ("결", "gyeol"), ("오", "o"), ("이", "i"), ("라", "ra"),
    ];

    /// <summary>
    /// Fictional artists planted at fixed places among the performers (every 2,500th), so the
    /// performer-name queries of the benchmark mix have targets at any scale.
    /// </summary>
    public static readonly (string Korean, string English)[] Stars =
    [
        ("김민준", "Kim Min-jun"), ("이서연", "Lee Seo-yeon"), ("박지훈", "Park Ji-hoon"), ("최유나", "Choi Yu-na"), ("정하늘", "Jung Ha-neul"),
    ];

    /// <summary>A full name, surname first in both spellings: ("김민준", "Kim Min-jun").</summary>
    public static (string Korean, string English) Person(Random random)
    {
        // Squaring a uniform number favours the common surnames at the front of the list.
        var surname = Surnames[(int)(Math.Pow(random.NextDouble(), 2.2) * Surnames.Length)];
        var first = Syllables[random.Next(Syllables.Length)];
        var second = Syllables[random.Next(Syllables.Length)];
        return ($"{surname.Korean}{first.Korean}{second.Korean}", $"{surname.English} {Capitalize(first.English)}-{second.English}");
    }

    private static string Capitalize(string text) => string.Concat(text[..1].ToUpperInvariant(), text[1..]);
}
