namespace NftMarketplace.BuildingBlocks.Chain;

/// <summary>One call's way through the endpoints: what it tried, in which round, what each attempt gave.</summary>
internal sealed class RpcCall(
    RpcPayload payload, IReadOnlyList<EndpointChannel> channels, ChainRpcOptions options, TimeProvider time)
{
    private readonly long _started = time.GetTimestamp();
    private readonly List<ChainRpcAttempt> _attempts = [];
    private readonly HashSet<EndpointChannel> _triedThisRound = [];
    private int _round;

    public RpcPayload Payload { get; } = payload;

    public IReadOnlyList<EndpointChannel> Channels { get; } = channels;

    public IReadOnlyList<ChainRpcAttempt> Attempts => _attempts;

    /// <summary>Whether any attempt may have been processed though its answer was lost.</summary>
    public bool MayHaveReachedNode { get; private set; }

    /// <summary>The latest answer of an endpoint that could not serve the request: the answer when none can.</summary>
    public object? NotServedAnswer { get; private set; }

    public bool EveryAttemptNotServed => _attempts.Count > 0 && _attempts.All(a => a.Failure == ChainRpcFailureKind.NotServedHere);

    /// <summary>What is left of <see cref="ChainRpcOptions.Budget"/>.</summary>
    public TimeSpan RemainingBudget => options.Budget - time.GetElapsedTime(_started);

    public IEnumerable<EndpointChannel> Untried => Channels.Where(channel => !_triedThisRound.Contains(channel));

    public void Trying(EndpointChannel channel) => _triedThisRound.Add(channel);

    public ChainRpcAttempt Record(EndpointChannel channel, AttemptResult result, TimeSpan duration)
    {
        var attempt = new ChainRpcAttempt(channel.Name, result.Failure, result.Detail, duration);
        _attempts.Add(attempt);
        MayHaveReachedNode |= result.Failure is not null && result.MayHaveReachedNode;
        if (result.Failure == ChainRpcFailureKind.NotServedHere && result.Answer is not null)
        {
            NotServedAnswer = result.Answer;
        }

        return attempt;
    }

    /// <summary>
    /// Whether a failed attempt is followed by another: the request must be safe to repeat (or provably not have
    /// been processed), and an endpoint must be left in this round or a further round allowed.
    /// </summary>
    public bool ShouldTryAgain(AttemptResult result)
    {
        if (result.Failure is null || (result.MayHaveReachedNode && !Payload.Repeatable))
        {
            return false;
        }

        var now = time.GetUtcNow();
        return HasUntriedUsable(now) || (_round + 1 < options.MaxRounds && Channels.Any(channel => channel.IsUsable(now)));
    }

    /// <summary>No pause while this round has endpoints left; otherwise a new round after a growing, jittered pause.</summary>
    public TimeSpan NextDelay()
    {
        if (HasUntriedUsable(time.GetUtcNow()))
        {
            return TimeSpan.Zero;
        }

        _round++;
        _triedThisRound.Clear();
        var jitter = 0.8 + (0.4 * Random.Shared.NextDouble());
        return options.RoundDelay * Math.Pow(2, _round - 1) * jitter;
    }

    private bool HasUntriedUsable(DateTimeOffset now) => Untried.Any(channel => channel.IsUsable(now));
}
