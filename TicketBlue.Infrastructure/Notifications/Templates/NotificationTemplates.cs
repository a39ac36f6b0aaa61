using System.Text.Json;

namespace TicketBlue.Infrastructure.Notifications.Templates;

/// <summary>
/// Maps a notification's <c>Template</c> name to its renderer, and fixes the JSON shape of payloads:
/// whoever queues a notification serializes with <see cref="ToJson{TPayload}"/>, the dispatcher reads
/// with the same options, so the two cannot drift apart.
/// </summary>
public static class NotificationTemplates
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly Dictionary<string, Func<string, RenderedMessage>> Renderers = new(StringComparer.Ordinal)
    {
        [ReservationConfirmedTemplate.Name] = json => ReservationConfirmedTemplate.Render(Read<ReservationConfirmedPayload>(json)),
        [PaymentFailedTemplate.Name] = json => PaymentFailedTemplate.Render(Read<PaymentFailedPayload>(json)),
        [ReservationCancelledTemplate.Name] = json => ReservationCancelledTemplate.Render(Read<ReservationCancelledPayload>(json)),
        [RefundCompletedTemplate.Name] = json => RefundCompletedTemplate.Render(Read<RefundCompletedPayload>(json)),
        [EmailConfirmationTemplate.Name] = json => EmailConfirmationTemplate.Render(Read<EmailConfirmationPayload>(json)),
        [StaffInvitationTemplate.Name] = json => StaffInvitationTemplate.Render(Read<StaffInvitationPayload>(json)),
        [ShowDayReminderTemplate.Name] = json => ShowDayReminderTemplate.Render(Read<ShowDayReminderPayload>(json)),
        [ReviewInvitationTemplate.Name] = json => ReviewInvitationTemplate.Render(Read<ReviewInvitationPayload>(json)),
        [JobRunSummaryTemplate.Name] = json => JobRunSummaryTemplate.Render(Read<JobRunSummaryPayload>(json)),
        [DormancyNoticeTemplate.Name] = json => DormancyNoticeTemplate.Render(Read<DormancyNoticePayload>(json)),
        [DormancyReleaseTemplate.Name] = json => DormancyReleaseTemplate.Render(Read<DormancyReleasePayload>(json)),
        [PasswordResetTemplate.Name] = json => PasswordResetTemplate.Render(Read<PasswordResetPayload>(json)),
        [AccountExistsTemplate.Name] = json => AccountExistsTemplate.Render(Read<AccountExistsPayload>(json)),
        [EmailChangeTemplate.Name] = json => EmailChangeTemplate.Render(Read<EmailChangePayload>(json)),
        [KakaoEmailLinkTemplate.Name] = json => KakaoEmailLinkTemplate.Render(Read<KakaoEmailLinkPayload>(json)),
    };

    public static string ToJson<TPayload>(TPayload payload) => JsonSerializer.Serialize(payload, Json);

    /// <summary>Reads a payload queued with <see cref="ToJson{TPayload}"/> (the in-app sender needs its link and reservation).</summary>
    public static TPayload Read<TPayload>(string json) =>
        JsonSerializer.Deserialize<TPayload>(json, Json)
        ?? throw new InvalidOperationException($"The payload is not a {typeof(TPayload).Name}.");

    /// <summary>Renders the named template; an unknown name or an unreadable payload throws, which counts as a failed attempt.</summary>
    public static RenderedMessage Render(string template, string payloadJson) =>
        Renderers.TryGetValue(template, out var render)
            ? render(payloadJson)
            : throw new InvalidOperationException($"No notification template is named '{template}'.");
}
