using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Payments;
using TicketBlue.Infrastructure.Caching;

namespace TicketBlue.Infrastructure.Payments.Demo;

/// <summary>
/// A stand-in gateway for development and demos, so checkout works without a Toss account. Payments
/// live in Redis (a hash per payment key, 30 days) so every app node sees them and they survive a
/// restart. The demo checkout page creates a payment with <see cref="CreateDemoPaymentAsync"/>,
/// choosing whether its confirm will succeed or be declined; idempotency follows Toss: the first
/// answer to a key is replayed, and a key still being processed answers IDEMPOTENT_REQUEST_PROCESSING.
/// </summary>
public sealed partial class DemoPaymentGateway(IConnectionMultiplexer redis, TimeProvider clock, ILogger<DemoPaymentGateway> logger) : IPaymentGateway
{
    public const string KeyPrefix = "tb:demo-payments:";

    public const string DemoMethod = "카드";

    private const string Pending = "pending";

    private static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    private static readonly TimeSpan IdempotencyWindow = TimeSpan.FromDays(15);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public PaymentProvider Provider => PaymentProvider.Demo;

    /// <summary>Starts a demo payment for an order; <paramref name="succeed"/> false makes its confirm a declined card.</summary>
    public async Task<string> CreateDemoPaymentAsync(string orderId, Money amount, bool succeed, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        cancellationToken.ThrowIfCancellationRequested();
        var paymentKey = "tdemo_" + Guid.CreateVersion7().ToString("N");
        var key = PaymentKey(paymentKey);
        var database = redis.GetDatabase();
        var transaction = database.CreateTransaction();
        _ = transaction.HashSetAsync(key,
        [
            new(Fields.OrderId, orderId),
            new(Fields.Amount, amount.Won),
            new(Fields.Balance, amount.Won),
            new(Fields.Succeed, succeed),
            new(Fields.Status, nameof(PaymentStatus.Ready)),
            new(Fields.RequestedAt, clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)),
        ]);
        _ = transaction.KeyExpireAsync(key, Retention);
        _ = transaction.StringSetAsync(OrderKey(orderId), paymentKey, Retention);
        await transaction.ExecuteAsync();
        return paymentKey;
    }

    public Task<GatewayResult<GatewayApproval>> ConfirmAsync(string paymentKey, string orderId, Money amount, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(paymentKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        return OnceAsync(
            "confirm",
            idempotencyKey,
            async database =>
            {
                var failure = await TryConfirmAsync(database, paymentKey, orderId, amount);
                return failure is null ? new DemoAnswer(null, null, null, null) : DemoAnswer.Of(failure);
            },
            async (database, answer) => answer.Failure is { } failure
                ? failure
                : await ReadApprovalAsync(database, paymentKey) is { } approval
                    ? GatewayResult.Success(approval)
                    : NotFound(),
            cancellationToken);
    }

    public Task<GatewayResult<GatewayCancellation>> CancelAsync(string paymentKey, string reason, Money? cancelAmount, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(paymentKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return OnceAsync(
            "cancel",
            idempotencyKey,
            database => TryCancelAsync(database, paymentKey, reason, cancelAmount),
            (_, answer) => Task.FromResult(answer.Cancel is { } cancel
                ? GatewayResult.Success(ToCancellation(cancel))
                : GatewayResult.Fail<GatewayCancellation>(answer.Failure ?? NotFound())),
            cancellationToken);
    }

    public async Task<GatewayResult<GatewayPaymentState>> GetByPaymentKeyAsync(string paymentKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(paymentKey);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            var state = await ReadStateAsync(redis.GetDatabase(), paymentKey);
            return state is null ? NotFound() : GatewayResult.Success(state);
        }
        catch (Exception exception) when (RedisOutage.Is(exception))
        {
            LogRedisFailure(exception, "get");
            return Unavailable(GatewayFailureKind.Transient);
        }
    }

    public async Task<GatewayResult<GatewayPaymentState>> GetByOrderIdAsync(string orderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            var paymentKey = await redis.GetDatabase().StringGetAsync(OrderKey(orderId));
            return paymentKey.IsNullOrEmpty ? NotFound() : await GetByPaymentKeyAsync(paymentKey.ToString(), cancellationToken);
        }
        catch (Exception exception) when (RedisOutage.Is(exception))
        {
            LogRedisFailure(exception, "get");
            return Unavailable(GatewayFailureKind.Transient);
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> once per idempotency key: the key is claimed first, so a
    /// concurrent duplicate never runs it too, and the answer replaces the claim for later replays.
    /// </summary>
    private async Task<GatewayResult<T>> OnceAsync<T>(
        string operation,
        string idempotencyKey,
        Func<IDatabase, Task<DemoAnswer>> work,
        Func<IDatabase, DemoAnswer, Task<GatewayResult<T>>> answer,
        CancellationToken cancellationToken)
        where T : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        cancellationToken.ThrowIfCancellationRequested();
        var database = redis.GetDatabase();
        var claimKey = new RedisKey($"{KeyPrefix}idem:{operation}:{idempotencyKey}");
        var claimed = false;
        try
        {
            claimed = await database.StringSetAsync(claimKey, Pending, IdempotencyWindow, When.NotExists);
            if (!claimed)
            {
                var stored = await database.StringGetAsync(claimKey);
                if (stored.IsNullOrEmpty || stored == Pending)
                {
                    return new GatewayFailure("IDEMPOTENT_REQUEST_PROCESSING", "같은 결제 요청을 처리하고 있습니다. 잠시 후 다시 시도해 주세요.", GatewayFailureKind.Transient);
                }

                return await answer(database, JsonSerializer.Deserialize<DemoAnswer>(stored.ToString(), Json)!);
            }

            var result = await work(database);
            await database.StringSetAsync(claimKey, JsonSerializer.Serialize(result, Json), IdempotencyWindow);
            return await answer(database, result);
        }
        catch (Exception exception) when (RedisOutage.Is(exception))
        {
            LogRedisFailure(exception, operation);
            if (claimed)
            {
                // Let a retry try again; if Redis is gone this fails too and the claim expires.
                await database.KeyDeleteAsync(claimKey, CommandFlags.FireAndForget);
            }

            return Unavailable(GatewayFailureKind.UnknownOutcome);
        }
    }

    private async Task<GatewayFailure?> TryConfirmAsync(IDatabase database, string paymentKey, string orderId, Money amount)
    {
        var key = PaymentKey(paymentKey);
        var fields = await ReadFieldsAsync(database, key);
        if (fields is null)
        {
            return NotFound();
        }

        if (fields[Fields.OrderId] != orderId || (long)fields[Fields.Amount] != amount.Won)
        {
            return new GatewayFailure("INVALID_REQUEST", "결제 요청 정보가 결제 건과 일치하지 않습니다.", GatewayFailureKind.Rejected);
        }

        var status = Enum.Parse<PaymentStatus>(fields[Fields.Status].ToString());
        if (status is PaymentStatus.Done or PaymentStatus.PartialCanceled or PaymentStatus.Canceled)
        {
            return new GatewayFailure("ALREADY_PROCESSED_PAYMENT", "이미 처리된 결제입니다.", GatewayFailureKind.AlreadyProcessed);
        }

        var declined = new GatewayFailure("REJECT_CARD_PAYMENT", "카드사에서 결제를 거절했습니다. (데모 결제)", GatewayFailureKind.Rejected);
        if (!(bool)fields[Fields.Succeed] || status is not PaymentStatus.Ready)
        {
            await database.HashSetAsync(key, Fields.Status, nameof(PaymentStatus.Aborted));
            return declined;
        }

        var transaction = database.CreateTransaction();
        transaction.AddCondition(Condition.HashEqual(key, Fields.Status, nameof(PaymentStatus.Ready)));
        _ = transaction.HashSetAsync(key,
        [
            new(Fields.Status, nameof(PaymentStatus.Done)),
            new(Fields.ApprovedAt, clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)),
        ]);
        return await transaction.ExecuteAsync()
            ? null
            : new GatewayFailure("ALREADY_PROCESSED_PAYMENT", "이미 처리된 결제입니다.", GatewayFailureKind.AlreadyProcessed);
    }

    private async Task<DemoAnswer> TryCancelAsync(IDatabase database, string paymentKey, string reason, Money? cancelAmount)
    {
        var key = PaymentKey(paymentKey);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var fields = await ReadFieldsAsync(database, key);
            if (fields is null)
            {
                return DemoAnswer.Of(NotFound());
            }

            var status = Enum.Parse<PaymentStatus>(fields[Fields.Status].ToString());
            if (status is PaymentStatus.Canceled)
            {
                return DemoAnswer.Of(new GatewayFailure("ALREADY_CANCELED_PAYMENT", "이미 취소된 결제입니다.", GatewayFailureKind.AlreadyProcessed));
            }

            if (status is not (PaymentStatus.Done or PaymentStatus.PartialCanceled))
            {
                return DemoAnswer.Of(new GatewayFailure("NOT_CANCELABLE_PAYMENT", "취소할 수 없는 결제입니다.", GatewayFailureKind.Rejected));
            }

            var balance = (long)fields[Fields.Balance];
            var amount = cancelAmount?.Won ?? balance;
            if (amount <= 0 || amount > balance)
            {
                return DemoAnswer.Of(new GatewayFailure("NOT_CANCELABLE_AMOUNT", "취소할 수 없는 금액입니다.", GatewayFailureKind.Rejected));
            }

            var after = balance - amount;
            var cancel = new DemoCancel(
                amount,
                reason,
                "tdemo_tx_" + Guid.CreateVersion7().ToString("N"),
                clock.GetUtcNow(),
                after,
                after == 0 ? PaymentStatus.Canceled : PaymentStatus.PartialCanceled);
            var cancels = ReadCancels(fields);
            cancels.Add(cancel);

            var transaction = database.CreateTransaction();
            transaction.AddCondition(Condition.HashEqual(key, Fields.Balance, balance));
            _ = transaction.HashSetAsync(key,
            [
                new(Fields.Balance, after),
                new(Fields.Status, cancel.StatusAfter.ToString()),
                new(Fields.Cancels, JsonSerializer.Serialize(cancels, Json)),
            ]);
            if (await transaction.ExecuteAsync())
            {
                return new DemoAnswer(null, null, null, cancel);
            }
        }

        return DemoAnswer.Of(new GatewayFailure("IDEMPOTENT_REQUEST_PROCESSING", "다른 취소 요청을 처리하고 있습니다. 잠시 후 다시 시도해 주세요.", GatewayFailureKind.Transient));
    }

    private static async Task<GatewayApproval?> ReadApprovalAsync(IDatabase database, string paymentKey) =>
        (await ReadStateAsync(database, paymentKey))?.Approval;

    private static async Task<GatewayPaymentState?> ReadStateAsync(IDatabase database, string paymentKey)
    {
        var fields = await ReadFieldsAsync(database, PaymentKey(paymentKey));
        if (fields is null)
        {
            return null;
        }

        var status = Enum.Parse<PaymentStatus>(fields[Fields.Status].ToString());
        var total = Money.FromWon((long)fields[Fields.Amount]);
        DateTimeOffset? approvedAt = fields.TryGetValue(Fields.ApprovedAt, out var approved) ? DateTimeOffset.Parse(approved.ToString(), CultureInfo.InvariantCulture) : null;
        DateTimeOffset? requestedAt = fields.TryGetValue(Fields.RequestedAt, out var requested) ? DateTimeOffset.Parse(requested.ToString(), CultureInfo.InvariantCulture) : null;
        var raw = JsonSerializer.Serialize(fields.ToDictionary(pair => pair.Key, pair => pair.Value.ToString()), Json);
        var approval = approvedAt is null ? null : new GatewayApproval(paymentKey, DemoMethod, total, null, null, requestedAt, approvedAt.Value, raw);
        return new GatewayPaymentState(
            paymentKey,
            fields[Fields.OrderId].ToString(),
            status,
            total,
            Money.FromWon((long)fields[Fields.Balance]),
            approval is null ? null : DemoMethod,
            approvedAt,
            ReadCancels(fields).Select(ToCancellation).ToList(),
            raw)
        {
            Approval = approval,
        };
    }

    private static async Task<Dictionary<string, RedisValue>?> ReadFieldsAsync(IDatabase database, RedisKey key)
    {
        var entries = await database.HashGetAllAsync(key);
        return entries.Length == 0 ? null : entries.ToDictionary(entry => entry.Name.ToString(), entry => entry.Value);
    }

    private static List<DemoCancel> ReadCancels(Dictionary<string, RedisValue> fields) =>
        fields.TryGetValue(Fields.Cancels, out var cancels) && !cancels.IsNullOrEmpty
            ? JsonSerializer.Deserialize<List<DemoCancel>>(cancels.ToString(), Json) ?? []
            : [];

    private static GatewayCancellation ToCancellation(DemoCancel cancel) =>
        new(Money.FromWon(cancel.Amount), cancel.Reason, cancel.TransactionKey, cancel.CanceledAt, Money.FromWon(cancel.BalanceAfter), cancel.StatusAfter, null);

    private static GatewayFailure NotFound() => new("NOT_FOUND_PAYMENT", "존재하지 않는 결제 정보입니다.", GatewayFailureKind.NotFound);

    private static GatewayFailure Unavailable(GatewayFailureKind kind) =>
        new("DEMO_GATEWAY_UNAVAILABLE", "결제 결과를 확인하지 못했습니다. 잠시 후 다시 시도해 주세요.", kind);

    private static RedisKey PaymentKey(string paymentKey) => $"{KeyPrefix}payment:{paymentKey}";

    private static RedisKey OrderKey(string orderId) => $"{KeyPrefix}order:{orderId}";

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo payment gateway could not reach Redis during {Operation}")]
    private partial void LogRedisFailure(Exception exception, string operation);

    private static class Fields
    {
        public const string OrderId = "orderId";
        public const string Amount = "amount";
        public const string Balance = "balance";
        public const string Succeed = "succeed";
        public const string Status = "status";
        public const string RequestedAt = "requestedAt";
        public const string ApprovedAt = "approvedAt";
        public const string Cancels = "cancels";
    }
}
