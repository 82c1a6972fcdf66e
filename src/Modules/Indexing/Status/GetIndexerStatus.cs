using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Chain;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Indexing.Domain;
using NftMarketplace.Modules.Indexing.Following;
using NftMarketplace.Modules.Indexing.Persistence;
using NftMarketplace.Modules.Registry.Contracts;

namespace NftMarketplace.Modules.Indexing.Status;

/// <summary>
/// How far the indexer has come on a chain: null when the registry knows the chain but it has never been followed,
/// <c>NOT_FOUND</c> when the registry does not know it. The head comes from the chain (this replica's follower's last
/// poll when the chain cannot be reached).
/// </summary>
internal sealed record GetIndexerStatus(ChainId ChainId) : IQuery<IndexerStatus?>;

/// <summary>See the GraphQL type <c>IndexerStatus</c>.</summary>
internal sealed record IndexerStatus(
    string ChainId,
    long HeadBlock,
    long IndexedBlock,
    string IndexedBlockHash,
    int ConfirmationsRequired,
    long LagBlocks,
    long ReorgsDetected,
    bool Backfilling,
    string? Halted);

internal sealed class GetIndexerStatusHandler(
    IndexingDbContext db, ISender sender, IChainRpcClientFactory clients, FollowerStatusBoard board, Microsoft.Extensions.Options.IOptions<FollowerOptions> options)
    : IRequestHandler<GetIndexerStatus, IndexerStatus?>
{
    public async Task<IndexerStatus?> Handle(GetIndexerStatus request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var chain = await sender.Send(new GetChain(request.ChainId), cancellationToken)
            ?? throw new AppException(ErrorCode.NotFound, $"Chain '{request.ChainId}' is not registered.", "chainId");
        var id = request.ChainId.Value;
        var checkpoint = await db.Checkpoints.AsNoTracking().SingleOrDefaultAsync(c => c.ChainId == id, cancellationToken);
        if (checkpoint is null)
        {
            return null;
        }

        var stats = await db.ChainStats.AsNoTracking().SingleOrDefaultAsync(s => s.ChainId == id, cancellationToken);
        var catchingUp = await db.FollowedContracts.AnyAsync(f => f.ChainId == id && f.BackfillStatus == BackfillStatuses.Backfilling, cancellationToken);
        long head;
        try
        {
            head = await clients.GetClient(request.ChainId).GetBlockNumberAsync(cancellationToken);
        }
        catch (ChainRpcException)
        {
            head = board.Get(id)?.Head ?? checkpoint.LastBlock;
        }

        var confirmations = Math.Max(1, chain.ConfirmationsRequired);
        var safe = head - confirmations + 1;
        return new IndexerStatus(
            id,
            head,
            checkpoint.LastBlock,
            checkpoint.LastBlockHash,
            confirmations,
            Math.Max(0, head - checkpoint.LastBlock),
            stats?.ReorgsDetected ?? 0,
            // Catching up: a contract's own backfill, or the follower a hash window or more behind what it may publish.
            catchingUp || safe - checkpoint.LastBlock > options.Value.HashWindow,
            stats?.HaltedReason);
    }
}
