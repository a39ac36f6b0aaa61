using System.Diagnostics;

namespace TicketBlue.Benchmarks.Faults;

/// <summary>
/// The outbox's e-mail and Slack rows against what the SMTP sink and the Slack stub received. Lost: a row not
/// delivered by the end, or marked sent but never received. Doubled: received more than once (e-mail by its
/// Message-Id, which is the row's id; Slack by its text, which names the reservation).
/// </summary>
public sealed record NotificationAudit(
    int EmailRows,
    int EmailSent,
    int EmailReceived,
    int EmailLost,
    int EmailDoubled,
    int SlackRows,
    int SlackSent,
    int SlackReceived,
    int SlackLost,
    int SlackDoubled,
    int FailedAttempts,
    TimeSpan DrainedAfter)
{
    public bool Met => EmailLost == 0 && EmailDoubled == 0 && SlackLost == 0 && SlackDoubled == 0;

    /// <summary>Rows still waiting for delivery (pending) on the e-mail and Slack channels.</summary>
    public static Task<int> PendingAsync(string database) =>
        Sql.ScalarAsync<int>(database, "SELECT COUNT(*) FROM Notifications WHERE Channel IN ('Email', 'Slack') AND Status = 'Pending'");

    /// <summary>Waits (at most <paramref name="limit"/>) until nothing is pending, then compares.</summary>
    public static async Task<NotificationAudit> CheckAsync(string database, SmtpSink sink, SlackStub stub, TimeSpan limit, Action<string> progress)
    {
        var waited = Stopwatch.StartNew();
        int pending;
        while ((pending = await PendingAsync(database)) > 0 && waited.Elapsed < limit)
        {
            progress($"outbox: {pending} e-mail/Slack rows pending");
            await Task.Delay(TimeSpan.FromSeconds(10));
        }

        var rows = await Sql.QueryAsync(
            database,
            "SELECT Id, Channel, Status, Attempts FROM Notifications WHERE Channel IN ('Email', 'Slack')",
            reader => (Id: reader.GetGuid(0), Channel: reader.GetString(1), Status: reader.GetString(2), Attempts: reader.GetInt32(3)));
        var email = rows.Where(row => row.Channel == "Email").ToList();
        var slack = rows.Where(row => row.Channel == "Slack").ToList();
        var emailIds = email.ToDictionary(row => $"{row.Id:N}@ticketblue", row => row.Status, StringComparer.OrdinalIgnoreCase);
        var emailLost = email.Count(row => row.Status != "Sent" || !sink.Received.ContainsKey($"{row.Id:N}@ticketblue"));
        var emailDoubled = sink.Received.Sum(mail => mail.Value - 1) + sink.Received.Count(mail => !emailIds.ContainsKey(mail.Key));
        var slackSent = slack.Count(row => row.Status == "Sent");
        var slackLost = slack.Count(row => row.Status != "Sent") + Math.Max(0, slackSent - stub.Received.Count);
        var slackDoubled = stub.Received.Sum(message => message.Value - 1) + Math.Max(0, stub.Received.Count - slackSent);
        var failedAttempts = rows.Sum(row => row.Status == "Sent" ? row.Attempts - 1 : row.Attempts);
        return new NotificationAudit(
            email.Count,
            email.Count(row => row.Status == "Sent"),
            sink.Total,
            emailLost,
            emailDoubled,
            slack.Count,
            slackSent,
            stub.Total,
            slackLost,
            slackDoubled,
            failedAttempts,
            waited.Elapsed);
    }
}
