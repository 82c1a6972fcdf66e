using GraphQL;
using GraphQL.Execution;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NftMarketplace.BuildingBlocks.Errors;

namespace NftMarketplace.GraphQL.Errors;

/// <summary>
/// Logs what the client only sees as <c>INTERNAL</c>. Refusals (<see cref="AppException"/>) are expected
/// outcomes, already logged by the mediator, and cancellations are the client leaving: neither is logged here.
/// </summary>
internal static partial class UnexpectedErrorLogging
{
    public static Task LogAsync(UnhandledExceptionContext context, ExecutionOptions options)
    {
        if (context.OriginalException is AppException or OperationCanceledException || options.RequestServices is null)
        {
            return Task.CompletedTask;
        }

        var logger = options.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("NftMarketplace.GraphQL");
        LogUnexpected(logger, context.OriginalException, context.FieldContext?.FieldDefinition.Name ?? "(document)", options.OperationName ?? "(anonymous)");
        return Task.CompletedTask;
    }

    [LoggerMessage(LogLevel.Error, "GraphQL field {Field} of operation {Operation} failed unexpectedly")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string field, string operation);
}
