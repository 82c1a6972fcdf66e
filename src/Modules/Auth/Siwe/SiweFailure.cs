namespace NftMarketplace.Modules.Auth.Siwe;

/// <summary>Which expectation a SIWE message failed.</summary>
internal enum SiweFailureReason
{
    DomainMismatch,
    SchemeMismatch,
    UriNotOfDomain,
    NonceMismatch,
    IssuedInFuture,
    Expired,
    NotYetValid,
}

/// <summary>A SIWE message that is well formed but must not sign anyone in, and why, in words fit for a log or client.</summary>
internal sealed record SiweFailure(SiweFailureReason Reason, string Message);
