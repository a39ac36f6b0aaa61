namespace TicketBlue.Domain.WaitingRoom;

/// <summary>
/// How many people may come in at one admission tick: the admission rate spread over time (a token
/// bucket whose fraction is carried to the next tick), never more than the free places under the
/// most allowed in the booking pages at once, nothing while paused. The bucket holds at most one
/// tick's worth plus a second, so a long pause or an idle admitter does not release a flood later.
/// </summary>
public static class AdmissionBudget
{
    /// <summary>The most time one tick accounts for; beyond it the time is simply lost.</summary>
    public static readonly TimeSpan MaxCatchUp = TimeSpan.FromSeconds(5);

    /// <param name="admissionPerMinute">The configured rate.</param>
    /// <param name="elapsed">Time since the previous tick (zero or negative on a clock that went back).</param>
    /// <param name="carried">The fraction of a person left over from the previous tick, 0 ≤ carried &lt; 1.</param>
    /// <param name="active">People admitted and still in the booking pages.</param>
    /// <param name="maxActive">The most allowed there at once.</param>
    /// <param name="paused">Admission paused by an admin.</param>
    /// <param name="freeSeats">
    /// Seats of the round free now. Nobody is let in beyond them: someone admitted to an empty map has
    /// waited for nothing and taken the place of someone who may get a seat given back later. While no
    /// seat is free the line stands still and keeps its order.
    /// </param>
    /// <param name="admittedWithoutSeats">
    /// People already let in who hold no seat yet and have bought none: each of them will take seats
    /// of those free, so only the rest are free for newcomers.
    /// </param>
    /// <param name="seatsPerPerson">
    /// How many seats one person takes, as the round's holders and buyers so far did on average (1 when
    /// nobody has yet; never less): near the end a map with ten free seats has room for four people, not ten.
    /// </param>
    public static (int Admit, double Carry) Compute(int admissionPerMinute, TimeSpan elapsed, double carried, long active, int maxActive, bool paused, long freeSeats, long admittedWithoutSeats = 0, double seatsPerPerson = 1)
    {
        if (paused || admissionPerMinute <= 0)
        {
            return (0, 0);
        }

        var perPerson = Math.Max(1, seatsPerPerson);
        var choosing = Math.Max(0, admittedWithoutSeats);
        var peopleForFreeSeats = (long)Math.Floor((freeSeats - (choosing * perPerson)) / perPerson);
        if (peopleForFreeSeats <= 0 && freeSeats > 0 && choosing == 0)
        {
            // The last few seats: fewer than one average buyer takes, but someone may want just those.
            peopleForFreeSeats = 1;
        }

        if (freeSeats <= 0 || peopleForFreeSeats <= 0)
        {
            return (0, Math.Clamp(carried, 0, 1));
        }

        var seconds = Math.Clamp(elapsed.TotalSeconds, 0, MaxCatchUp.TotalSeconds);
        var tokens = Math.Clamp(carried, 0, 1) + (admissionPerMinute * seconds / 60.0);
        var whole = (long)Math.Floor(tokens);
        var room = Math.Max(0, Math.Min(maxActive - active, peopleForFreeSeats));
        var admit = (int)Math.Min(whole, room);

        // Tokens the free places could not use are dropped rather than saved up for later.
        var carry = admit == whole ? tokens - whole : 0;
        return (admit, carry);
    }
}
