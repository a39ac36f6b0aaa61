namespace TicketBlue.Benchmarks.Catalog;

/// <summary>
/// Word lists for show titles, each with its English counterpart, and classic works that recur
/// across productions (so relevance queries such as "레미제라블" have many targets).
/// </summary>
public static class TitleWords
{
    public static readonly (string Korean, string English)[] Adjectives =
    [
        ("붉은", "Red"), ("푸른", "Blue"), ("마지막", "Last"), ("잃어버린", "Lost"), ("비밀의", "Secret"), ("한여름 밤의", "Midsummer Night's"),
        ("작은", "Little"), ("눈부신", "Dazzling"), ("고요한", "Silent"), ("위대한", "Great"), ("낯선", "Strange"), ("오래된", "Old"),
        ("하얀", "White"), ("검은", "Black"), ("첫 번째", "First"), ("기억 속의", "Remembered"), ("끝없는", "Endless"), ("뜨거운", "Burning"),
        ("달빛", "Moonlit"), ("황금빛", "Golden"), ("슬픈", "Sad"), ("찬란한", "Radiant"), ("외로운", "Lonely"), ("겨울", "Winter"),
    ];

    public static readonly (string Korean, string English)[] Nouns =
    [
        ("정원", "Garden"), ("편지", "Letter"), ("소나타", "Sonata"), ("바다", "Sea"), ("기차", "Train"), ("별", "Star"),
        ("왈츠", "Waltz"), ("약속", "Promise"), ("도시", "City"), ("여름", "Summer"), ("등대", "Lighthouse"), ("서커스", "Circus"),
        ("연인", "Lovers"), ("초상", "Portrait"), ("골목", "Alley"), ("식탁", "Table"), ("무도회", "Ball"), ("계절", "Season"),
        ("섬", "Island"), ("노래", "Song"), ("거울", "Mirror"), ("카페", "Café"), ("호텔", "Hotel"), ("숲", "Forest"),
        ("왕국", "Kingdom"), ("탐정", "Detective"), ("유령", "Ghost"), ("시간", "Time"), ("기억", "Memory"), ("광장", "Square"),
    ];

    /// <summary>Musicals staged again and again, under their Korean and original titles.</summary>
    public static readonly (string Korean, string English)[] Musicals =
    [
        ("레미제라블", "Les Misérables"), ("오페라의 유령", "The Phantom of the Opera"), ("지킬 앤 하이드", "Jekyll & Hyde"), ("캣츠", "CATS"),
        ("맘마미아!", "MAMMA MIA!"), ("시카고", "CHICAGO"), ("위키드", "WICKED"), ("라이온 킹", "The Lion King"),
        ("노트르담 드 파리", "Notre-Dame de Paris"), ("엘리자벳", "Elisabeth"), ("모차르트!", "Mozart!"), ("헤드윅", "Hedwig and the Angry Inch"),
        ("빨래", "Laundry"), ("명성황후", "The Last Empress"), ("프랑켄슈타인", "Frankenstein"), ("드라큘라", "Dracula"),
        ("마틸다", "Matilda"), ("웃는 남자", "The Man Who Laughs"), ("영웅", "Hero"), ("레베카", "Rebecca"),
    ];

    public static readonly (string Korean, string English)[] Plays =
    [
        ("햄릿", "Hamlet"), ("리어왕", "King Lear"), ("고도를 기다리며", "Waiting for Godot"), ("세일즈맨의 죽음", "Death of a Salesman"),
        ("갈매기", "The Seagull"), ("맥베스", "Macbeth"), ("로미오와 줄리엣", "Romeo and Juliet"), ("인형의 집", "A Doll's House"),
    ];

    public static readonly (string Korean, string English)[] Operas =
    [
        ("라 트라비아타", "La Traviata"), ("카르멘", "Carmen"), ("마술피리", "The Magic Flute"), ("투란도트", "Turandot"),
        ("라 보엠", "La Bohème"), ("토스카", "Tosca"), ("나비부인", "Madama Butterfly"), ("피가로의 결혼", "The Marriage of Figaro"),
        ("돈 조반니", "Don Giovanni"), ("리골레토", "Rigoletto"), ("아이다", "Aida"),
    ];

    public static readonly (string Korean, string English)[] Ballets =
    [
        ("백조의 호수", "Swan Lake"), ("호두까기 인형", "The Nutcracker"), ("지젤", "Giselle"), ("잠자는 숲속의 미녀", "The Sleeping Beauty"),
        ("돈키호테", "Don Quixote"), ("심청", "Shim Chung"), ("라 바야데르", "La Bayadère"),
    ];

    public static readonly (string Korean, string English)[] Composers =
    [
        ("베토벤", "Beethoven"), ("모차르트", "Mozart"), ("브람스", "Brahms"), ("차이콥스키", "Tchaikovsky"), ("말러", "Mahler"),
        ("쇼팽", "Chopin"), ("라흐마니노프", "Rachmaninoff"), ("드보르자크", "Dvořák"), ("시벨리우스", "Sibelius"), ("슈베르트", "Schubert"),
        ("바흐", "Bach"), ("멘델스존", "Mendelssohn"),
    ];

    public static readonly (string Korean, string English)[] Works =
    [
        ("교향곡 {0}번", "Symphony No. {0}"), ("피아노 협주곡 {0}번", "Piano Concerto No. {0}"), ("바이올린 협주곡", "Violin Concerto"),
        ("첼로 소나타 {0}번", "Cello Sonata No. {0}"), ("현악 4중주 {0}번", "String Quartet No. {0}"),
    ];

    public static readonly (string Korean, string English)[] Teams =
    [
        ("타이거즈", "Tigers"), ("돌핀스", "Dolphins"), ("이글스", "Eagles"), ("라이온즈", "Lions"), ("베어스", "Bears"), ("스타즈", "Stars"),
        ("썬더스", "Thunders"), ("웨이브스", "Waves"), ("피닉스", "Phoenix"), ("울브스", "Wolves"),
    ];

    /// <summary>Production labels added after a title ("— 10주년 기념 공연"), with their English form.</summary>
    public static readonly (string Korean, string English)[] Editions =
    [
        ("10주년 기념 공연", "10th Anniversary"), ("내한공연", "World Tour in Korea"), ("앙코르", "Encore"), ("오리지널 캐스트", "Original Cast"),
        ("갈라 콘서트", "Gala Concert"), ("서울 초연", "Seoul Premiere"), ("리미티드 에디션", "Limited Edition"),
    ];
}
