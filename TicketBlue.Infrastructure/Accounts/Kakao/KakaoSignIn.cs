namespace TicketBlue.Infrastructure.Accounts.Kakao;

/// <summary>What a return from Kakao came to.</summary>
public enum KakaoSignInOutcome
{
    SignedIn,

    /// <summary>An account with that e-mail exists: linking waits for its password (<see cref="KakaoSignIn.Email"/>).</summary>
    PasswordNeeded,

    /// <summary>Kakao gave no verified e-mail: the customer supplies one, and the link mailed there continues (<see cref="KakaoEmailLinks"/>).</summary>
    EmailNeeded,

    /// <summary>The linked account is dormant: the 휴면 해제 link went to its address.</summary>
    Dormant,

    /// <summary>Locked by an operator.</summary>
    LockedOut,

    /// <summary>Admin accounts sign in with their password (and second factor), never through Kakao.</summary>
    AdminRefused,
}

public sealed record KakaoSignIn(KakaoSignInOutcome Outcome, string? Email = null);
