using FluentValidation;

namespace NftMarketplace.Modules.Orchestration.Intents;

/// <summary>The rules every prepare shares: the deadline's range and the idempotency key's shape.</summary>
internal static class IntentRules
{
    public const int MaxIdempotencyKeyLength = 200;

    public static IRuleBuilderOptions<T, int?> ValidDeadline<T>(this IRuleBuilder<T, int?> rule) =>
        rule.InclusiveBetween(IntentOptions.MinDeadlineSeconds, IntentOptions.MaxDeadlineSeconds)
            .WithMessage($"'deadlineSeconds' must be between {IntentOptions.MinDeadlineSeconds} and {IntentOptions.MaxDeadlineSeconds}.");

    public static IRuleBuilderOptions<T, string?> ValidIdempotencyKey<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(k => k is null || (k.Length is > 0 and <= MaxIdempotencyKeyLength && !k.Any(char.IsControl)))
            .WithMessage($"'idempotencyKey' must be 1 to {MaxIdempotencyKeyLength} characters without control characters.");

    public static DateTimeOffset DeadlineAt(DateTimeOffset now, int? deadlineSeconds, IntentOptions options) =>
        now + (deadlineSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : options.DefaultDeadline);
}
