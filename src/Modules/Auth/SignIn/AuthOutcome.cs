using NftMarketplace.BuildingBlocks.Errors;

namespace NftMarketplace.Modules.Auth.SignIn;

/// <summary>What a client gets for a successful sign-in or refresh (GraphQL <c>AuthPayload</c>).</summary>
/// <param name="ExpiresAt">When <paramref name="AccessToken"/> expires; refresh before then.</param>
internal sealed record AuthPayload(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt, Guid UserId);

/// <summary>
/// Why an authentication attempt was refused: the error the client gets and the reason code the audit keeps.
/// </summary>
/// <param name="Reason">One of <see cref="Audit.LoginResults"/>.</param>
internal sealed record AuthFailure(ErrorCode Code, string Reason, string Message, string? Field = null)
{
    public AppException ToException() => new(Code, Message, Field);
}

/// <summary>
/// The result of a command that may refuse: returned rather than thrown, so the refusal's audit row (and, for a
/// reused refresh token, the session's revocation) commits with the command instead of rolling back with it.
/// </summary>
internal sealed record AuthOutcome<T>(T? Value, AuthFailure? Failure)
    where T : class
{
    public static AuthOutcome<T> Ok(T value) => new(value, null);

    public static AuthOutcome<T> Refused(AuthFailure failure) => new(null, failure);

    public T GetOrThrow() => Failure is null ? Value! : throw Failure.ToException();
}
