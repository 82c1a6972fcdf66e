using FluentValidation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NftMarketplace.BuildingBlocks.Caching;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Auth.Configuration;
using NftMarketplace.Modules.Auth.Persistence;
using NftMarketplace.Modules.Auth.SignIn;

namespace NftMarketplace.Modules.Auth.Nonces;

/// <summary>
/// Issues a one-time nonce for <paramref name="AccountId"/> to sign in to <paramref name="Domain"/> on
/// <paramref name="ChainId"/>: a row in <c>auth_nonces</c> and <c>siwe:nonce:{nonce}</c> in Redis.
/// </summary>
internal sealed record SignInSiwe(string AccountId, ChainId ChainId, string Domain) : ICommand<NoncePayload>
{
    public CallerInfo Client { get; init; } = CallerInfo.Unknown;
}

internal sealed record NoncePayload(string Nonce);

internal sealed class SignInSiweValidator : AbstractValidator<SignInSiwe>
{
    public SignInSiweValidator()
    {
        RuleFor(x => x.AccountId).Must(BeEip155Account)
            .WithMessage("Account ID must be a CAIP-10 eip155 account, e.g. eip155:1:0xab16a96d359ec26a11e2c2b3d8f8b8942d5bfcdb.");
        RuleFor(x => x.ChainId).Must(c => c.IsEip155).WithMessage("Only eip155 chains are supported.");
        RuleFor(x => x.ChainId)
            .Must((input, chain) => !AccountId.TryParse(input.AccountId, out var account) || account.ChainId == chain)
            .WithMessage("Chain ID must be the chain of the account ID.");
        RuleFor(x => x.Domain).Must(DomainAuthority.IsValid).WithMessage("Domain must be a host[:port] authority, e.g. app.example.com.");
    }

    private static bool BeEip155Account(string? text) => AccountId.TryParse(text, out var account) && account.Address is not null;
}

internal sealed partial class SignInSiweHandler(
    AuthDbContext db,
    ISender sender,
    AllowedDomains domains,
    NonceRateLimiter rateLimiter,
    RedisFastPath redis,
    IOptions<SiweOptions> options,
    TimeProvider time,
    ILogger<SignInSiweHandler> logger) : IRequestHandler<SignInSiwe, NoncePayload>
{
    public async Task<NoncePayload> Handle(SignInSiwe request, CancellationToken cancellationToken)
    {
        var account = BuildingBlocks.Ethereum.AccountId.Parse(request.AccountId);
        if (!domains.Contains(request.Domain))
        {
            throw new AppException(ErrorCode.Forbidden, $"Signing in to '{request.Domain}' is not allowed on this server.", "input.domain");
        }

        if (await SignInChains.RefusalAsync(sender, request.ChainId, "input.chainId", cancellationToken) is { } refusal)
        {
            throw refusal;
        }
        if (await rateLimiter.TryAcquireAsync(request.Client.Network, account.Value) is { } retryAfter)
        {
            throw new AppException(ErrorCode.RateLimited, $"Too many sign-in attempts; try again in {Math.Ceiling(retryAfter.TotalSeconds)} s.")
            {
                RetryAfter = retryAfter,
            };
        }

        var now = time.GetUtcNow();
        var nonce = new AuthNonce
        {
            Nonce = NonceGenerator.Next(),
            AccountId = account.Value,
            Domain = request.Domain.ToLowerInvariant(),
            ChainId = request.ChainId.Value,
            IssuedAt = now,
            ExpiresAt = now + options.Value.NonceLifetime,
        };
        db.Nonces.Add(nonce);
        await db.SaveChangesAsync(cancellationToken);

        if (!await redis.TryRunAsync(store => store.StringSetAsync(RedisKeys.SiweNonce(nonce.Nonce), nonce.AccountId, options.Value.NonceLifetime), cancellationToken))
        {
            // Postgres holds the nonce; verification reads it from there while Redis is down.
            LogRedisUnavailable();
        }

        return new NoncePayload(nonce.Nonce);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not cache a sign-in nonce in Redis; verification will read it from Postgres")]
    private partial void LogRedisUnavailable();
}
