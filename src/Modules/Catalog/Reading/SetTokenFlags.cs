using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Catalog.Persistence;

namespace NftMarketplace.Modules.Catalog.Reading;

/// <summary>
/// Admin: marks a token as spam, NSFW or frozen (with why). A flag left null keeps its value. Spam and NSFW tokens
/// leave every list at once (the collection's read version moves after the commit); <c>token</c> still shows them.
/// An unknown token is <c>NOT_FOUND</c>, as any unknown id.
/// </summary>
internal sealed record SetTokenFlags(
    ChainId ChainId, Address Contract, string TokenId, bool? Spam, bool? Nsfw, bool? Frozen, string Reason, Guid UpdatedBy) : ICommand<string>;

internal sealed class SetTokenFlagsHandler(CatalogDbContext db, CatalogReadVersion versions, TimeProvider time) : IRequestHandler<SetTokenFlags, string>
{
    public const int MaxReasonLength = 500;

    public async Task<string> Handle(SetTokenFlags request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reason = request.Reason.Trim();
        if (reason.Length is 0 or > MaxReasonLength)
        {
            throw new BadInputException($"Give a reason of 1 to {MaxReasonLength} characters.", "input.reason");
        }

        var (chain, contract) = (request.ChainId.Value, request.Contract.Value);
        var changed = await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO catalog.nft_flags AS f (chain_id, contract, token_id, is_spam, is_nsfw, is_frozen, reason, updated_by, updated_at)
            SELECT t.chain_id, t.contract, t.token_id, coalesce({request.Spam}, false), coalesce({request.Nsfw}, false), coalesce({request.Frozen}, false),
                   {reason}, {request.UpdatedBy}, {time.GetUtcNow()}
            FROM catalog.tokens t WHERE t.chain_id = {chain} AND t.contract = {contract} AND t.token_id = {request.TokenId}::numeric
            ON CONFLICT (chain_id, contract, token_id) DO UPDATE SET
              is_spam = coalesce({request.Spam}, f.is_spam), is_nsfw = coalesce({request.Nsfw}, f.is_nsfw), is_frozen = coalesce({request.Frozen}, f.is_frozen),
              reason = excluded.reason, updated_by = excluded.updated_by, updated_at = excluded.updated_at
            """,
            cancellationToken);
        if (changed == 0)
        {
            throw new AppException(ErrorCode.NotFound, $"Token {request.TokenId} of {request.Contract.ToChecksumString()} on {chain} is not in the catalog.", "input.tokenId");
        }

        db.AfterCommit(_ => versions.BumpAsync(chain, [contract]));
        return CatalogKeys.Token(chain, contract, request.TokenId);
    }
}
