using TicketBlue.Domain.Common;

namespace TicketBlue.Domain.Performers;

/// <summary>Someone who appears in performances (출연자): an actor, a singer, a band, an orchestra, a team.</summary>
public sealed class Performer : Entity<long>
{
    public const int NameMaxLength = 100;

    private Performer()
    {
        Name = string.Empty;
        Kind = string.Empty;
        Bio = string.Empty;
    }

    public string Name { get; private set; }

    public string? EnglishName { get; private set; }

    /// <summary>What the performer is, in Korean: 배우, 가수, 밴드, 연주자, 지휘자, 무용수, 팀.</summary>
    public string Kind { get; private set; }

    public DateOnly? BirthDate { get; private set; }

    public string? Nationality { get; private set; }

    public string Bio { get; private set; }

    /// <summary>Blob-store key of the profile photo, if any.</summary>
    public string? PhotoKey { get; private set; }

    public bool IsArchived { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static Performer Create(string name, string? englishName, string kind, DateOnly? birthDate, string? nationality, string? bio, DateTimeOffset now)
    {
        var performer = new Performer { CreatedAt = now };
        performer.UpdateProfile(name, englishName, kind, birthDate, nationality, bio, now);
        return performer;
    }

    public void UpdateProfile(string name, string? englishName, string kind, DateOnly? birthDate, string? nationality, string? bio, DateTimeOffset now)
    {
        if (birthDate is { } birth && (birth < new DateOnly(1900, 1, 1) || birth > SeoulTime.DateOf(now)))
        {
            throw new DomainException("performer.birth", "생년월일은 1900-01-01부터 오늘 사이여야 합니다.");
        }

        Name = Guard.NotBlank(name, "performer.name", "출연자 이름을 입력해 주세요.", NameMaxLength);
        EnglishName = Guard.Optional(englishName, "performer.name", "출연자 영문 이름이 너무 깁니다.", NameMaxLength, "english");
        Kind = Guard.NotBlank(kind, "performer.kind", "출연자 분류를 입력해 주세요.", 20);
        BirthDate = birthDate;
        Nationality = Guard.Optional(nationality, "performer.nationality", "국적이 너무 깁니다.", 50);
        Bio = Guard.Optional(bio, "performer.bio", "소개가 너무 깁니다.", 4000) ?? string.Empty;
    }

    public void SetPhoto(string? photoKey) => PhotoKey = Guard.Optional(photoKey, "performer.photo", "사진 키가 너무 깁니다.", 200);

    public void Archive() => IsArchived = true;

    public void Restore() => IsArchived = false;
}
