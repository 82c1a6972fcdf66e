namespace NftMarketplace.BuildingBlocks.Outbox;

/// <summary>Outbox relay behaviour (configuration section <c>Outbox</c>).</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Messages published per transaction.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How often the relay looks for due messages when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between two attempts to publish one message.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long published messages are kept for diagnosis before they are deleted.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    internal IEnumerable<string> Validate()
    {
        if (BatchSize is < 1 or > 10_000)
        {
            yield return $"{Section}:{nameof(BatchSize)} must be between 1 and 10000 (got {BatchSize}).";
        }

        if (PollInterval < TimeSpan.FromMilliseconds(10))
        {
            yield return $"{Section}:{nameof(PollInterval)} must be at least 00:00:00.010 (got {PollInterval}).";
        }

        if (MaxBackoff < TimeSpan.FromSeconds(1))
        {
            yield return $"{Section}:{nameof(MaxBackoff)} must be at least 00:00:01 (got {MaxBackoff}).";
        }

        if (Retention < TimeSpan.Zero)
        {
            yield return $"{Section}:{nameof(Retention)} must not be negative (got {Retention}).";
        }
    }
}
