using TicketBlue.Domain.Common;

namespace TicketBlue.Domain.Venues;

/// <summary>
/// A place where performances happen (공연장). Its seats live in <see cref="SeatLayout"/>s, which are
/// versioned separately: a hall is reconfigured over the years, and a round keeps the layout it was
/// sold on.
/// </summary>
public sealed class Venue : Entity<long>
{
    public const int NameMaxLength = 100;
    public const int AddressMaxLength = 255;

    private Venue()
    {
        Name = string.Empty;
        Address = string.Empty;
        Region = string.Empty;
        Description = string.Empty;
    }

    public string Name { get; private set; }

    public string? EnglishName { get; private set; }

    public string Address { get; private set; }

    /// <summary>City or district used for filtering, e.g. "서울 서초구".</summary>
    public string Region { get; private set; }

    public string Description { get; private set; }

    public bool IsArchived { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static Venue Create(string name, string? englishName, string address, string region, string? description, DateTimeOffset now)
    {
        var venue = new Venue { CreatedAt = now };
        venue.UpdateDetails(name, englishName, address, region, description);
        return venue;
    }

    public void UpdateDetails(string name, string? englishName, string address, string region, string? description)
    {
        Name = Guard.NotBlank(name, "venue.name", "공연장 이름을 입력해 주세요.", NameMaxLength);
        EnglishName = Guard.Optional(englishName, "venue.name", "공연장 영문 이름이 너무 깁니다.", NameMaxLength, "english");
        Address = Guard.NotBlank(address, "venue.address", "공연장 주소를 입력해 주세요.", AddressMaxLength);
        Region = Guard.NotBlank(region, "venue.region", "지역을 입력해 주세요.", 50);
        Description = Guard.Optional(description, "venue.description", "공연장 소개가 너무 깁니다.", 2000) ?? string.Empty;
    }

    /// <summary>Archiving hides a venue from new performances; nothing sold on it is touched.</summary>
    public void Archive() => IsArchived = true;

    public void Restore() => IsArchived = false;
}
