namespace NftMarketplace.BuildingBlocks.Errors;

/// <summary>
/// A failure the caller is meant to see: it carries a client-facing code and message
/// (never a stack trace) and, for bad input, the path of the offending field.
/// </summary>
public class AppException : Exception
{
    public AppException(ErrorCode code, string message, string? field = null, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
        Field = field;
    }

    public ErrorCode Code { get; }

    /// <summary>Path of the input field at fault (e.g. <c>input.accountId</c>), when there is one.</summary>
    public string? Field { get; }

    /// <summary>
    /// How long the caller should wait before trying again (<c>RATE_LIMITED</c>): sent as the <c>Retry-After</c> header
    /// and as <c>extensions.retryAfter</c> (whole seconds).
    /// </summary>
    public TimeSpan? RetryAfter { get; init; }
}

/// <summary>Input that is malformed or out of range. Maps to <c>BAD_USER_INPUT</c>.</summary>
public class BadInputException(string message, string? field = null, Exception? inner = null)
    : AppException(ErrorCode.BadUserInput, message, field, inner);
