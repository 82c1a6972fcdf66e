using GraphQL;
using GraphQL.Execution;
using Microsoft.AspNetCore.Http;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.GraphQL.Errors;

namespace NftMarketplace.GraphQL.Http;

/// <summary>The HTTP status of a GraphQL response, as GraphQL over HTTP prescribes for each media type.</summary>
public static class ResponseStatus
{
    public static int For(ResponseMediaType mediaType, ExecutionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Errors?.Any(e => e is MutationOverGetError) == true)
        {
            return StatusCodes.Status405MethodNotAllowed;
        }

        // application/json: clients trust only a 200 to carry a GraphQL response, whatever it says.
        // application/graphql-response+json: a response with data (even null) is a result, so 2xx.
        if (mediaType == ResponseMediaType.Json || result.Executed)
        {
            return StatusCodes.Status200OK;
        }

        return result.Errors is { Count: > 0 } errors
            ? errors[0] is TimeoutError ? StatusCodes.Status504GatewayTimeout : ForCode(ErrorClassifier.Classify(errors[0]).Code)
            : StatusCodes.Status500InternalServerError;
    }

    /// <summary>The status of a request refused before execution with <paramref name="code"/>.</summary>
    public static int ForCode(ErrorCode code) => code switch
    {
        ErrorCode.BadUserInput => StatusCodes.Status400BadRequest,
        ErrorCode.Unauthenticated => StatusCodes.Status401Unauthorized,
        ErrorCode.Forbidden => StatusCodes.Status403Forbidden,
        ErrorCode.NotFound => StatusCodes.Status404NotFound,
        ErrorCode.Conflict => StatusCodes.Status409Conflict,
        ErrorCode.RateLimited => StatusCodes.Status429TooManyRequests,
        _ => StatusCodes.Status500InternalServerError,
    };
}
