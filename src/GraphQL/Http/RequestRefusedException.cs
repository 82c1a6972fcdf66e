using Microsoft.AspNetCore.Http;
using NftMarketplace.BuildingBlocks.Errors;

namespace NftMarketplace.GraphQL.Http;

/// <summary>
/// A request that is not a well-formed GraphQL-over-HTTP request: answered with <see cref="StatusCode"/> and a
/// GraphQL-shaped error body, without reaching the engine.
/// </summary>
public sealed class RequestRefusedException(int statusCode, string message, ErrorCode code = ErrorCode.BadUserInput)
    : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public ErrorCode Code { get; } = code;

    public static RequestRefusedException BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);
}
