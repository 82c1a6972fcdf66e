using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NftMarketplace.BuildingBlocks.Caching;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Auth.Audit;
using NftMarketplace.Modules.Auth.Configuration;
using NftMarketplace.Modules.Auth.Persistence;
using NftMarketplace.Modules.Auth.Signatures;
using NftMarketplace.Modules.Auth.Siwe;

namespace NftMarketplace.Modules.Auth.SignIn;

/// <summary>An account that proved control with a signed SIWE message.</summary>
internal sealed record ProvenAccount(AccountId Account, Address Address, SignatureMethod Method);

/// <summary>
/// Checks a signed SIWE message for an account, in the order cheapest first, and consumes its nonce: the message
/// parses; it names the account; its domain is allowed and its URI belongs to it; it is within its validity window;
/// the chain is enabled; the nonce is still in Redis (a cheap refusal of replays); the signature is the account's
/// (EIP-191, EIP-1271 or EIP-6492); finally the nonce — issued for this account and domain, unexpired, unused — is
/// marked used by one conditional UPDATE, so of any number of concurrent attempts exactly one wins.
/// </summary>
internal sealed class SiweProof(
    AuthDbContext db,
    ISender sender,
    AllowedDomains domains,
    SignatureVerifier signatures,
    RedisFastPath redis,
    IOptions<SiweOptions> options,
    TimeProvider time)
{
    public const int MaxMessageLength = 16 * 1024;

    public async Task<AuthOutcome<ProvenAccount>> CheckAsync(
        string accountIdText, string messageText, ReadOnlyMemory<byte> signature, string purpose, CancellationToken cancellationToken)
    {
        if (!AccountId.TryParse(accountIdText, out var account) || account.Address is not { } address)
        {
            return Refuse(ErrorCode.BadUserInput, LoginResults.AccountMismatch,
                "Account ID must be a CAIP-10 eip155 account, e.g. eip155:1:0xab16a96d359ec26a11e2c2b3d8f8b8942d5bfcdb.", "input.accountId");
        }

        if (signature.Length is 0 or > SignatureVerifier.MaxSignatureLength)
        {
            return Refuse(ErrorCode.BadUserInput, LoginResults.MalformedSignature,
                $"Signature must be 1 to {SignatureVerifier.MaxSignatureLength} bytes.", "input.signature");
        }

        if (messageText.Length > MaxMessageLength)
        {
            return Refuse(ErrorCode.BadUserInput, LoginResults.MalformedMessage,
                $"The message is longer than {MaxMessageLength} characters.", "input.message");
        }

        if (!SiweMessage.TryParse(messageText, out var message, out var parseError))
        {
            return Refuse(ErrorCode.BadUserInput, LoginResults.MalformedMessage, $"The message is not an EIP-4361 message: {parseError}", "input.message");
        }

        if (message.ParsedAddress != address
            || message.ChainId != account.ChainId.ToEip155Number())
        {
            return Refuse(ErrorCode.Unauthenticated, LoginResults.AccountMismatch,
                "The message was not written for this account: its address or chain ID differs from the account ID.");
        }

        if (!domains.Contains(message.Domain))
        {
            return Refuse(ErrorCode.Unauthenticated, LoginResults.DomainNotAllowed, $"Signing in to '{message.Domain}' is not allowed on this server.");
        }

        var now = time.GetUtcNow();
        var rule = SiweRules.Check(message, new SiweExpectations
        {
            Domain = message.Domain,
            Now = now,
            ClockSkew = options.Value.ClockSkew,
            RequireUriOfDomain = true,
        });
        if (rule is not null)
        {
            return Refuse(ErrorCode.Unauthenticated, ReasonOf(rule.Reason), rule.Message);
        }

        if (await SignInChains.RefusalAsync(sender, account.ChainId, "input.accountId", cancellationToken) is { } chainRefusal)
        {
            return Refuse(chainRefusal.Code, LoginResults.ChainNotEnabled, chainRefusal.Message, chainRefusal.Field);
        }

        // Redis not holding the nonce refuses only when Postgres agrees: its fast copy may never have been written
        // (Redis skipped while unhealthy when the nonce was issued).
        if (await IsGoneFromRedisAsync(message.Nonce, cancellationToken)
            && await NonceRefusalAsync(message.Nonce, account, message.Domain, now, cancellationToken) is { } gone)
        {
            return gone;
        }

        var verification = await signatures.VerifyAsync(account.ChainId, address, messageText, signature, cancellationToken);
        if (!verification.IsValid)
        {
            return Refuse(ErrorCode.Unauthenticated, LoginResults.BadSignature,
                $"The signature is not {address.ToChecksumString()}'s signature of this message.");
        }

        var domain = message.Domain.ToLowerInvariant();
        var claimed = await db.Nonces
            .Where(n => n.Nonce == message.Nonce && n.AccountId == account.Value && n.Domain == domain && !n.Used && n.ExpiresAt > now)
            .ExecuteUpdateAsync(
                set => set.SetProperty(n => n.Used, true).SetProperty(n => n.UsedAt, now).SetProperty(n => n.UsedFor, purpose),
                cancellationToken);
        if (claimed == 0)
        {
            return await NonceRefusalAsync(message.Nonce, account, message.Domain, now, cancellationToken)
                ?? Refuse(ErrorCode.Unauthenticated, LoginResults.NonceUsed, "The message's nonce was used already: a message signs in once.");
        }

        await ForgetAsync(message.Nonce, cancellationToken);
        return AuthOutcome<ProvenAccount>.Ok(new ProvenAccount(account, address, verification.Method));
    }

    private static AuthOutcome<ProvenAccount> Refuse(ErrorCode code, string reason, string message, string? field = null) =>
        AuthOutcome<ProvenAccount>.Refused(new AuthFailure(code, reason, message, field));

    private static string ReasonOf(SiweFailureReason reason) => reason switch
    {
        SiweFailureReason.DomainMismatch => LoginResults.DomainMismatch,
        SiweFailureReason.UriNotOfDomain or SiweFailureReason.SchemeMismatch => LoginResults.UriNotOfDomain,
        SiweFailureReason.Expired => LoginResults.MessageExpired,
        SiweFailureReason.NotYetValid => LoginResults.MessageNotYetValid,
        SiweFailureReason.IssuedInFuture => LoginResults.IssuedInFuture,
        _ => LoginResults.NonceUnknown,
    };

    /// <summary>Why the nonce cannot be used, from Postgres (the authority), for the client and the audit; null when it can.</summary>
    private async Task<AuthOutcome<ProvenAccount>?> NonceRefusalAsync(
        string nonce, AccountId account, string domain, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = await db.Nonces.AsNoTracking().FirstOrDefaultAsync(n => n.Nonce == nonce, cancellationToken);
        return row switch
        {
            null => Refuse(ErrorCode.Unauthenticated, LoginResults.NonceUnknown, "The message's nonce was not issued by this server; ask for a new one."),
            _ when row.AccountId != account.Value => Refuse(ErrorCode.Unauthenticated, LoginResults.NonceUnknown,
                "The message's nonce was issued for another account or chain; ask for a new one."),
            { Used: true } => Refuse(ErrorCode.Unauthenticated, LoginResults.NonceUsed, "The message's nonce was used already: a message signs in once."),
            _ when row.ExpiresAt <= now => Refuse(ErrorCode.Unauthenticated, LoginResults.NonceExpired, "The message's nonce has expired; ask for a new one."),
            _ when string.Equals(row.Domain, domain, StringComparison.OrdinalIgnoreCase) => null,
            _ => Refuse(ErrorCode.Unauthenticated, LoginResults.DomainMismatch,
                $"The message's domain is not the one its nonce was issued for ('{row.Domain}')."),
        };
    }

    /// <summary>True only when Redis answers that the nonce is not there: unreachable Redis defers to Postgres.</summary>
    private async Task<bool> IsGoneFromRedisAsync(string nonce, CancellationToken cancellationToken)
    {
        var (answered, exists) = await redis.TryAsync(store => store.KeyExistsAsync(RedisKeys.SiweNonce(nonce)), cancellationToken);
        return answered && !exists;
    }

    // A delete Redis does not take is harmless: Postgres already says the nonce is used, and the key expires by itself.
    private Task<bool> ForgetAsync(string nonce, CancellationToken cancellationToken) =>
        redis.TryRunAsync(store => store.KeyDeleteAsync(RedisKeys.SiweNonce(nonce)), cancellationToken);
}
