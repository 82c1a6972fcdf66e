using System.Globalization;
using System.Numerics;
using FluentValidation;
using Microsoft.Extensions.Options;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Catalog.Metadata.Fetching;
using NftMarketplace.Modules.Catalog.Persistence;

namespace NftMarketplace.Modules.Catalog.Metadata.Refreshing;

/// <summary>
/// A signed-in user asks for a token's metadata to be fetched again (<c>refreshTokenMetadata</c>): the token must be in
/// the catalog (<c>NOT_FOUND</c> otherwise); within <see cref="MetadataWorkerOptions.RefreshCooldown"/> of the last
/// accepted refresh of that token it is <c>RATE_LIMITED</c> with the time left; accepted, its document is due now.
/// </summary>
/// <param name="UserId">The signed-in user; <see cref="Guid.Empty"/> means nobody is (<c>UNAUTHENTICATED</c>).</param>
internal sealed record RefreshTokenMetadata(Guid UserId, ChainId ChainId, Address Contract, BigInteger TokenId) : ICommand<Unit>;

internal sealed class RefreshTokenMetadataValidator : AbstractValidator<RefreshTokenMetadata>
{
    public RefreshTokenMetadataValidator()
    {
        RuleFor(x => x.TokenId).Must(Uint256.Fits).OverridePropertyName("input.tokenId").WithMessage("The token id must be a uint256.");
        RuleFor(x => x.ChainId).Must(c => c.IsEip155).OverridePropertyName("input.chainId").WithMessage("Only eip155 chains have tokens.");
    }
}

internal sealed class RefreshTokenMetadataHandler(CatalogDbContext db, MetadataFetchSignal signal, IOptions<MetadataWorkerOptions> options)
    : IRequestHandler<RefreshTokenMetadata, Unit>
{
    private const string Schema = CatalogModule.Schema;

    private const string TokenExists =
        "SELECT 1 FROM " + Schema + ".tokens WHERE chain_id = $1 AND contract = $2 AND token_id = $3::numeric";

    // One statement decides, so two calls at once cannot both pass the cooldown.
    private const string Request =
        "INSERT INTO " + Schema + ".metadata_docs AS d "
        + "(chain_id, contract, token_id, status, attributes, attempts, next_attempt_at, refresh_requested_at, updated_at) "
        + "VALUES ($1, $2, $3::numeric, 'NONE', '[]'::jsonb, 0, now(), now(), now()) "
        + "ON CONFLICT (chain_id, contract, token_id) DO UPDATE SET attempts = 0, next_attempt_at = now(), refresh_requested_at = now(), updated_at = now() "
        + "WHERE d.refresh_requested_at IS NULL OR d.refresh_requested_at <= now() - $4 "
        + "RETURNING 1";

    private const string Remaining =
        "SELECT GREATEST(EXTRACT(EPOCH FROM refresh_requested_at + $4 - now()), 0)::double precision FROM " + Schema + ".metadata_docs "
        + "WHERE chain_id = $1 AND contract = $2 AND token_id = $3::numeric";

    public async Task<Unit> Handle(RefreshTokenMetadata request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.UserId == Guid.Empty)
        {
            throw new AppException(ErrorCode.Unauthenticated, "Sign in to refresh a token's metadata.");
        }

        var id = request.TokenId.ToString(CultureInfo.InvariantCulture);
        var key = new object[] { request.ChainId.Value, request.Contract.Value, id };
        if ((await db.QueryAsync(TokenExists, r => r.GetInt32(0), cancellationToken, key).ConfigureAwait(false)).Count == 0)
        {
            throw new AppException(ErrorCode.NotFound, $"No token {id} of {request.Contract.ToChecksumString()} on {request.ChainId} is in the catalog.");
        }

        var cooldown = options.Value.RefreshCooldown;
        if ((await db.QueryAsync(Request, r => r.GetInt32(0), cancellationToken, [.. key, cooldown]).ConfigureAwait(false)).Count == 0)
        {
            var seconds = (await db.QueryAsync(Remaining, r => r.GetDouble(0), cancellationToken, [.. key, cooldown]).ConfigureAwait(false)).FirstOrDefault();
            var retryAfter = TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(seconds)));
            throw new AppException(
                ErrorCode.RateLimited,
                string.Create(CultureInfo.InvariantCulture, $"This token's metadata was refreshed less than {cooldown.TotalSeconds:0} s ago; try again in {retryAfter.TotalSeconds:0} s."))
            {
                RetryAfter = retryAfter,
            };
        }

        db.AfterCommit(_ => signal.Wake());
        return Unit.Value;
    }
}
