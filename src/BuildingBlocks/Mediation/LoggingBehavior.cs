using System.Diagnostics;
using Microsoft.Extensions.Logging;
using NftMarketplace.BuildingBlocks.Errors;

namespace NftMarketplace.BuildingBlocks.Mediation;

/// <summary>
/// Logs each request's outcome and duration. Only the request's type is logged, never its
/// contents: requests carry signatures, tokens and nonces.
/// </summary>
internal sealed partial class LoggingBehavior<TRequest, TResponse>(ILogger<LoggingBehavior<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IRequest<TResponse>
{
    public async Task<TResponse> Handle(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next().ConfigureAwait(false);
            LogHandled(typeof(TRequest).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (AppException ex)
        {
            LogRefused(typeof(TRequest).Name, ex.Code.ToWire(), Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex, typeof(TRequest).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }

    [LoggerMessage(LogLevel.Debug, "{Request} handled in {ElapsedMs:0.0} ms")]
    private partial void LogHandled(string request, double elapsedMs);

    [LoggerMessage(LogLevel.Information, "{Request} refused with {Code} after {ElapsedMs:0.0} ms")]
    private partial void LogRefused(string request, string code, double elapsedMs);

    [LoggerMessage(LogLevel.Error, "{Request} failed after {ElapsedMs:0.0} ms")]
    private partial void LogFailed(Exception exception, string request, double elapsedMs);
}
