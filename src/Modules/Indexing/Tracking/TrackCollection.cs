using System.Numerics;
using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Chain;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Indexing.Contracts;
using NftMarketplace.Modules.Indexing.Domain;
using NftMarketplace.Modules.Indexing.Persistence;
using NftMarketplace.Modules.Registry.Contracts;

namespace NftMarketplace.Modules.Indexing.Tracking;

/// <summary>
/// Admin: follow an existing ERC-721 / ERC-1155 contract the factories did not create, from <paramref name="FromBlock"/>
/// (default: its deployment block). The chain is asked first — no code, or neither interface by ERC-165, is
/// <c>BAD_USER_INPUT</c>, and nothing is stored — then one transaction records it (BACKFILLING when its history lies
/// behind the follower) and announces it (<see cref="CollectionsCreated"/>). A contract already followed is returned
/// unchanged. Not a command: its chain reads must come before its transaction, which it opens itself.
/// </summary>
internal sealed record TrackCollection(ChainId ChainId, Address Address, BigInteger? FromBlock) : IRequest<TrackedCollection>;

internal sealed class TrackCollectionHandler(IndexingDbContext db, ISender sender, IChainRpcClientFactory clients, TimeProvider time)
    : IRequestHandler<TrackCollection, TrackedCollection>
{
    private const string NameSelector = "0x06fdde03";
    private const string SymbolSelector = "0x95d89b41";

    public async Task<TrackedCollection> Handle(TrackCollection request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var chain = await sender.Send(new GetChain(request.ChainId), cancellationToken);
        if (chain is not { Enabled: true } || !request.ChainId.IsEip155)
        {
            throw new BadInputException(
                chain is null ? $"Chain '{request.ChainId}' is not registered." : $"Chain '{request.ChainId}' is not enabled.", "input.chainId");
        }

        if (request.FromBlock is { } requested && (requested < 0 || requested > long.MaxValue))
        {
            throw new BadInputException("fromBlock must be a block number (0 or more).", "input.fromBlock");
        }

        var address = request.Address.Value;
        if (await FindAsync(address, cancellationToken) is { } known)
        {
            return known;
        }

        var client = clients.GetClient(request.ChainId);
        if (!await ContractProbe.HasCodeAsync(client, address, null, cancellationToken))
        {
            throw new BadInputException($"{request.Address.ToChecksumString()} has no code on {request.ChainId}: it is not a contract.", "input.address");
        }

        var standard = await ContractProbe.StandardAsync(client, address, cancellationToken)
            ?? throw new BadInputException(
                $"{request.Address.ToChecksumString()} is neither an ERC-721 nor an ERC-1155 contract (ERC-165 supportsInterface).", "input.address");
        var head = await client.GetBlockNumberAsync(cancellationToken);
        var deployed = await ContractProbe.DeploymentBlockAsync(client, address, head, cancellationToken);
        var fromBlock = request.FromBlock is { } from ? (long)from : deployed ?? head;
        var deployBlock = deployed ?? fromBlock;
        var header = await client.GetBlockByNumberAsync(new Nethereum.RPC.Eth.DTOs.BlockParameter(new Nethereum.Hex.HexTypes.HexBigInteger(deployBlock)), cancellationToken);
        var deployTx = deployed is { } block ? await ContractProbe.DeployingTransactionAsync(client, address, block, cancellationToken) : null;
        var name = await ContractProbe.StringAsync(client, address, NameSelector, cancellationToken);
        var symbol = await ContractProbe.StringAsync(client, address, SymbolSelector, cancellationToken);
        var owner = await ContractProbe.OwnerAsync(client, address, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var checkpoint = await db.Checkpoints.AsNoTracking().Where(c => c.ChainId == request.ChainId.Value).Select(c => (long?)c.LastBlock).SingleOrDefaultAsync(cancellationToken);
        // Behind the follower (or before it started): a backfill of its own; ahead of it: the live follower reaches it.
        var status = checkpoint is { } indexed && fromBlock > indexed ? BackfillStatuses.Live : BackfillStatuses.Backfilling;
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO indexing.followed_contracts (chain_id, address, standard, from_block, source, factory, backfill_status, backfilled_to, created_at)
            VALUES ({request.ChainId.Value}, {address}, {standard}, {fromBlock}, {FollowedSources.Tracked}, NULL, {status}, {fromBlock - 1}, {time.GetUtcNow()})
            ON CONFLICT DO NOTHING
            """,
            cancellationToken);
        if (inserted == 1)
        {
            var position = new ChainPosition(
                deployBlock,
                header?.BlockHash?.ToLowerInvariant() ?? "",
                -1,
                deployTx ?? "0x" + new string('0', 64),
                header is null ? time.GetUtcNow() : DateTimeOffset.FromUnixTimeSeconds((long)header.Timestamp.Value));
            db.AddIntegrationEvent(new CollectionsCreated(request.ChainId.Value, deployBlock, deployBlock,
            [
                new CreatedCollection(address, standard, CollectionSources.Tracked, null, null, owner, name, symbol, null, null, null, null, null, fromBlock, position),
            ]));
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return inserted == 1
            ? new TrackedCollection(request.ChainId.Value, address, standard, null, name, symbol, deployed, status)
            : (await FindAsync(address, cancellationToken))!;

        async Task<TrackedCollection?> FindAsync(string contract, CancellationToken token) =>
            await db.FollowedContracts.AsNoTracking()
                .Where(f => f.ChainId == request.ChainId.Value && f.Address == contract && f.Standard != FollowedStandards.Factory)
                .Select(f => new TrackedCollection(f.ChainId, f.Address, f.Standard, null, null, null, f.FromBlock, f.BackfillStatus))
                .SingleOrDefaultAsync(token);
    }
}
