namespace NftMarketplace.BuildingBlocks.Chain;

/// <summary>The state of an endpoint's circuit breaker.</summary>
public enum ChainEndpointCircuit
{
    /// <summary>Calls use it.</summary>
    Closed = 0,

    /// <summary>Failing: calls pass it over until the break ends.</summary>
    Open = 1,

    /// <summary>The break ended and one call is probing it.</summary>
    HalfOpen = 2,
}

/// <summary>An endpoint as a client currently sees it.</summary>
public sealed record ChainEndpointStatus(string Endpoint, int Priority, int Weight, ChainEndpointCircuit Circuit);
