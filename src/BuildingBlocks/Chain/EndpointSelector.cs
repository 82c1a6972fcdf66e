namespace NftMarketplace.BuildingBlocks.Chain;

/// <summary>The order in which a call tries endpoints.</summary>
internal static class EndpointSelector
{
    /// <summary>
    /// Lower priority first; within one priority a random order in which each endpoint comes first with a chance
    /// proportional to its weight, and weight-0 endpoints come last.
    /// </summary>
    /// <remarks>
    /// Each endpoint draws an exponential variable with its weight as rate and the smallest draw goes first
    /// (Efraimidis–Spirakis): the first is the weighted choice, and the rest are the weighted choice among what is
    /// left, which is the order failover should follow.
    /// </remarks>
    public static List<T> Order<T>(IEnumerable<T> endpoints, Func<T, int> priority, Func<T, int> weight, Random random)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(priority);
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentNullException.ThrowIfNull(random);
        return [.. endpoints
            .Select(endpoint => (Endpoint: endpoint, Priority: priority(endpoint), Draw: Draw(weight(endpoint), random), Tie: random.NextDouble()))
            .OrderBy(candidate => candidate.Priority)
            .ThenBy(candidate => candidate.Draw)
            .ThenBy(candidate => candidate.Tie)
            .Select(candidate => candidate.Endpoint)];
    }

    private static double Draw(int weight, Random random) =>
        weight > 0 ? -Math.Log(1 - random.NextDouble()) / weight : double.PositiveInfinity;
}
