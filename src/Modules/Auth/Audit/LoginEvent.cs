namespace NftMarketplace.Modules.Auth.Audit;

/// <summary>
/// One authentication attempt (table <c>login_events</c>), successful or not. Never holds a signature, token,
/// nonce or message: only who tried, from where, and the outcome.
/// </summary>
internal sealed class LoginEvent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid? UserId { get; init; }

    public Guid? SessionId { get; init; }

    /// <summary>The CAIP-10 account claimed, when the request named a valid one.</summary>
    public string? AccountId { get; init; }

    /// <summary>What was attempted: <see cref="LoginKinds"/>.</summary>
    public required string Kind { get; init; }

    public string? Ip { get; init; }

    public string? Ua { get; init; }

    /// <summary><c>success</c> or a failure reason code (<see cref="LoginResults"/>).</summary>
    public required string Result { get; init; }

    public DateTimeOffset Ts { get; init; }
}

internal static class LoginKinds
{
    public const string SignIn = "sign_in";
    public const string Refresh = "refresh";
    public const string LinkWallet = "link_wallet";
}

/// <summary>Outcome codes of <see cref="LoginEvent.Result"/>.</summary>
internal static class LoginResults
{
    public const string Success = "success";
    public const string MalformedMessage = "malformed_message";
    public const string MalformedSignature = "malformed_signature";
    public const string AccountMismatch = "account_mismatch";
    public const string DomainNotAllowed = "domain_not_allowed";
    public const string DomainMismatch = "domain_mismatch";
    public const string UriNotOfDomain = "uri_not_of_domain";
    public const string ChainNotEnabled = "chain_not_enabled";
    public const string NonceUnknown = "nonce_unknown";
    public const string NonceExpired = "nonce_expired";
    public const string NonceUsed = "nonce_used";
    public const string MessageExpired = "message_expired";
    public const string MessageNotYetValid = "message_not_yet_valid";
    public const string IssuedInFuture = "issued_in_future";
    public const string BadSignature = "bad_signature";
    public const string WalletOfAnotherUser = "wallet_of_another_user";
    public const string WalletUnlinked = "wallet_unlinked";
    public const string RefreshTokenUnknown = "refresh_token_unknown";
    public const string RefreshTokenReused = "refresh_token_reused";
    public const string SessionEnded = "session_ended";
}
