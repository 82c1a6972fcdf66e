namespace NftMarketplace.BuildingBlocks.Errors;

/// <summary>
/// The one documented set of error codes a client can see (GraphQL <c>extensions.code</c>).
/// Every failure the system reports maps to exactly one of these.
/// </summary>
public enum ErrorCode
{
    BadUserInput,
    Unauthenticated,
    Forbidden,
    NotFound,
    Conflict,
    RateLimited,
    Internal,
}

public static class ErrorCodeNames
{
    /// <summary>The wire form, e.g. <c>BAD_USER_INPUT</c>.</summary>
    public static string ToWire(this ErrorCode code) => code switch
    {
        ErrorCode.BadUserInput => "BAD_USER_INPUT",
        ErrorCode.Unauthenticated => "UNAUTHENTICATED",
        ErrorCode.Forbidden => "FORBIDDEN",
        ErrorCode.NotFound => "NOT_FOUND",
        ErrorCode.Conflict => "CONFLICT",
        ErrorCode.RateLimited => "RATE_LIMITED",
        _ => "INTERNAL",
    };
}
