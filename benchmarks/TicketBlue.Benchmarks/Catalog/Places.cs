namespace TicketBlue.Benchmarks.Catalog;

/// <summary>A region (시·도) as the app stores it, its full name for addresses, and towns in it with their romanization.</summary>
public sealed record Region(string Name, string Full, string English, (string Korean, string English)[] Towns);

/// <summary>Korean regions and towns for venue names, addresses and tour stops; Seoul weighs most, as on a real ticket site.</summary>
public static class Places
{
    public static readonly Region[] Regions =
    [
        new("서울", "서울특별시", "Seoul", [("대학로", "Daehak-ro"), ("강남", "Gangnam"), ("잠실", "Jamsil"), ("홍대", "Hongdae"), ("성수", "Seongsu"), ("용산", "Yongsan"), ("마포", "Mapo"), ("종로", "Jongno"), ("여의도", "Yeouido"), ("서초", "Seocho")]),
        new("부산", "부산광역시", "Busan", [("해운대", "Haeundae"), ("서면", "Seomyeon"), ("광안리", "Gwangalli"), ("남포", "Nampo")]),
        new("대구", "대구광역시", "Daegu", [("수성", "Suseong"), ("동성로", "Dongseong-ro")]),
        new("인천", "인천광역시", "Incheon", [("송도", "Songdo"), ("부평", "Bupyeong")]),
        new("광주", "광주광역시", "Gwangju", [("상무", "Sangmu"), ("충장로", "Chungjang-ro")]),
        new("대전", "대전광역시", "Daejeon", [("둔산", "Dunsan"), ("유성", "Yuseong")]),
        new("울산", "울산광역시", "Ulsan", [("삼산", "Samsan")]),
        new("세종", "세종특별자치시", "Sejong", [("나성", "Naseong")]),
        new("경기", "경기도", "Gyeonggi", [("수원", "Suwon"), ("성남", "Seongnam"), ("고양", "Goyang"), ("일산", "Ilsan"), ("분당", "Bundang"), ("안양", "Anyang"), ("부천", "Bucheon")]),
        new("강원", "강원특별자치도", "Gangwon", [("춘천", "Chuncheon"), ("강릉", "Gangneung"), ("원주", "Wonju")]),
        new("충북", "충청북도", "Chungbuk", [("청주", "Cheongju"), ("충주", "Chungju")]),
        new("충남", "충청남도", "Chungnam", [("천안", "Cheonan"), ("아산", "Asan")]),
        new("전북", "전북특별자치도", "Jeonbuk", [("전주", "Jeonju"), ("군산", "Gunsan")]),
        new("전남", "전라남도", "Jeonnam", [("여수", "Yeosu"), ("순천", "Suncheon"), ("목포", "Mokpo")]),
        new("경북", "경상북도", "Gyeongbuk", [("포항", "Pohang"), ("경주", "Gyeongju"), ("안동", "Andong")]),
        new("경남", "경상남도", "Gyeongnam", [("창원", "Changwon"), ("김해", "Gimhae"), ("통영", "Tongyeong")]),
        new("제주", "제주특별자치도", "Jeju", [("제주", "Jeju"), ("서귀포", "Seogwipo")]),
    ];

    private static readonly string[] Roads = ["중앙로", "문화로", "예술로", "공원로", "강변로", "시청로", "대학로", "해변로", "역전로", "평화로"];

    /// <summary>Seoul about 40 % of the time, the rest spread over the other regions.</summary>
    public static Region PickRegion(Random random) => random.NextDouble() < 0.4 ? Regions[0] : Regions[1 + random.Next(Regions.Length - 1)];

    public static string Address(Random random, Region region, string town) =>
        $"{region.Full} {town} {Roads[random.Next(Roads.Length)]} {random.Next(1, 999)}";
}
