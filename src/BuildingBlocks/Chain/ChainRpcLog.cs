using Microsoft.Extensions.Logging;

namespace NftMarketplace.BuildingBlocks.Chain;

/// <summary>Log events of chain RPC; endpoints appear by display name only.</summary>
internal static partial class ChainRpcLog
{
    [LoggerMessage(LogLevel.Warning, "{Method} on {Chain} failed at {Endpoint}: {Failure} ({Detail}) after {ElapsedMs} ms")]
    public static partial void AttemptFailed(
        ILogger logger, string method, string chain, string endpoint, ChainRpcFailureKind failure, string? detail, long elapsedMs);

    [LoggerMessage(LogLevel.Warning, "Circuit of {Endpoint} ({Chain}) opened for {BreakDuration}: calls go to the other endpoints")]
    public static partial void CircuitOpened(ILogger logger, string endpoint, string chain, TimeSpan breakDuration);

    [LoggerMessage(LogLevel.Information, "Circuit of {Endpoint} ({Chain}) half-open: one call probes it")]
    public static partial void CircuitHalfOpened(ILogger logger, string endpoint, string chain);

    [LoggerMessage(LogLevel.Information, "Circuit of {Endpoint} ({Chain}) closed: the endpoint is used again")]
    public static partial void CircuitClosed(ILogger logger, string endpoint, string chain);

    [LoggerMessage(LogLevel.Warning, "Could not refresh the endpoints of {Chain}; the last known ones stay in use")]
    public static partial void RefreshFailed(ILogger logger, Exception exception, string chain);

    [LoggerMessage(LogLevel.Warning, "An endpoint of {Chain} is ignored: {Problem}")]
    public static partial void EndpointIgnored(ILogger logger, string chain, string problem);
}
