namespace NftMarketplace.BuildingBlocks.Chain;

/// <summary>How chain RPC calls are timed, retried and failed over (configuration section <c>ChainRpc</c>).</summary>
public sealed class ChainRpcOptions
{
    public const string Section = "ChainRpc";

    /// <summary>Longest wait for one endpoint's answer before the call moves on to another.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest a whole call may take, every attempt and pause included.</summary>
    public TimeSpan Budget { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>
    /// Times a call may go through its usable endpoints. Within a round each is tried at most once, without a pause;
    /// rounds are separated by <see cref="RoundDelay"/>, doubled each round.
    /// </summary>
    public int MaxRounds { get; set; } = 2;

    public TimeSpan RoundDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Share of failed attempts within <see cref="BreakerSamplingDuration"/> that opens an endpoint's circuit.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Attempts an endpoint must have had within <see cref="BreakerSamplingDuration"/> before its circuit can open.</summary>
    public int BreakerMinimumThroughput { get; set; } = 3;

    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit keeps calls away from its endpoint; then one call probes it.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often a client asks its <see cref="IChainEndpointSource"/> for the chain's endpoints again.</summary>
    public TimeSpan EndpointRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    internal IEnumerable<string> Validate()
    {
        // The lower bounds are Polly's: a circuit breaker refuses shorter windows and breaks.
        var halfSecond = TimeSpan.FromMilliseconds(500);
        var day = TimeSpan.FromDays(1);
        if (AttemptTimeout < TimeSpan.FromMilliseconds(10) || AttemptTimeout > day)
        {
            yield return $"{Section}:{nameof(AttemptTimeout)} must be between 00:00:00.010 and 1.00:00:00 (got {AttemptTimeout}).";
        }

        if (Budget < AttemptTimeout || Budget > day)
        {
            yield return $"{Section}:{nameof(Budget)} must be at least {nameof(AttemptTimeout)} ({AttemptTimeout}) and at most 1.00:00:00 (got {Budget}).";
        }

        if (MaxRounds is < 1 or > 10)
        {
            yield return $"{Section}:{nameof(MaxRounds)} must be between 1 and 10 (got {MaxRounds}).";
        }

        if (RoundDelay < TimeSpan.Zero || RoundDelay > TimeSpan.FromMinutes(1))
        {
            yield return $"{Section}:{nameof(RoundDelay)} must be between 00:00:00 and 00:01:00 (got {RoundDelay}).";
        }

        if (BreakerFailureRatio is <= 0 or > 1 || double.IsNaN(BreakerFailureRatio))
        {
            yield return $"{Section}:{nameof(BreakerFailureRatio)} must be more than 0 and at most 1 (got {BreakerFailureRatio}).";
        }

        if (BreakerMinimumThroughput < 2)
        {
            yield return $"{Section}:{nameof(BreakerMinimumThroughput)} must be at least 2 (got {BreakerMinimumThroughput}).";
        }

        if (BreakerSamplingDuration < halfSecond || BreakerSamplingDuration > day)
        {
            yield return $"{Section}:{nameof(BreakerSamplingDuration)} must be between 00:00:00.500 and 1.00:00:00 (got {BreakerSamplingDuration}).";
        }

        if (BreakDuration < halfSecond || BreakDuration > day)
        {
            yield return $"{Section}:{nameof(BreakDuration)} must be between 00:00:00.500 and 1.00:00:00 (got {BreakDuration}).";
        }

        if (EndpointRefreshInterval < TimeSpan.FromSeconds(1) || EndpointRefreshInterval > day)
        {
            yield return $"{Section}:{nameof(EndpointRefreshInterval)} must be between 00:00:01 and 1.00:00:00 (got {EndpointRefreshInterval}).";
        }
    }
}
