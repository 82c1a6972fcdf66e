using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NftMarketplace.BuildingBlocks.Caching;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.Support;
using NftMarketplace.IntegrationTests.Users;
using NftMarketplace.Modules.Indexing.Contracts;
using NftMarketplace.Modules.Wallets.Approvals;
using NftMarketplace.Modules.Wallets.Contracts;
using NftMarketplace.Modules.Wallets.Persistence;
using StackExchange.Redis;

namespace NftMarketplace.IntegrationTests.Wallets;

/// <summary>Operator approvals as the indexer's approval events set them, and their Redis cache.</summary>
public sealed class ApprovalsTests(InfrastructureFixture infrastructure) : UsersWalletsTest(infrastructure)
{
    private static readonly ChainId Chain = ChainId.Eip155(31337);
    private static readonly Address Marketplace = Address.Parse("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
    private static readonly string Collection = "0x" + new string('c', 40);
    private static readonly DateTimeOffset Noon = new(2030, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Approvals_are_recorded_for_linked_wallets_only_once_per_log_and_in_chain_order()
    {
        var (walletId, owner) = await LinkedWalletAsync();
        var granted = Change(owner, approved: true, block: 10, Noon);
        var stranger = Change(Address.FromBytes(RandomNumberGenerator.GetBytes(20)), approved: true, block: 10, Noon);

        var first = await ApplyAsync(Chain, granted, stranger);
        await ReplayAsync(first);
        // An older revocation arriving late goes into the history only.
        await ApplyAsync(Chain, Change(owner, approved: false, block: 9, Noon.AddHours(-1)));

        Assert.Equal(2, await QueryAsync<WalletsDbContext, int>(db => db.ApprovalHistory.CountAsync(h => h.WalletId == walletId, Ct)));
        var current = Assert.Single(await SendAsync(new GetWalletApprovals(walletId, Chain)));
        Assert.Equal((true, Noon, (DateTimeOffset?)null, granted.Position.TxHash), (current.Approved, current.ApprovedAt!.Value, current.RevokedAt, current.TxHash));
        Assert.Equal((Marketplace.Value, Collection), (current.Operator, current.Contract));
        Assert.Equal(2, await QueryAsync<WalletsDbContext, int>(db => db.ApprovalHistory.CountAsync(Ct))); // none for the stranger
    }

    [Fact]
    public async Task Within_one_block_the_later_log_wins_whatever_order_the_batches_arrive_in()
    {
        var (walletId, owner) = await LinkedWalletAsync();
        var grant = Change(owner, approved: true, block: 20, Noon, logIndex: 1);
        var revoke = Change(owner, approved: false, block: 20, Noon, logIndex: 5);

        await ApplyAsync(Chain, revoke);
        await ApplyAsync(Chain, grant);

        var current = Assert.Single(await SendAsync(new GetWalletApprovals(walletId, Chain)));
        Assert.False(current.Approved);
        Assert.Equal(revoke.Position.TxHash, current.TxHash);
    }

    [Fact]
    public async Task An_eoa_linked_on_one_chain_gets_its_approvals_on_every_chain()
    {
        var (walletId, owner) = await LinkedWalletAsync();
        var otherChain = ChainId.Eip155(137);

        await ApplyAsync(otherChain, Change(owner, approved: true, block: 5, Noon) with { Standard = ApprovalStandards.Erc1155 });

        Assert.Equal(ApprovalStandards.Erc1155, Assert.Single(await SendAsync(new GetWalletApprovals(walletId, otherChain))).Standard);
        Assert.Empty(await SendAsync(new GetWalletApprovals(walletId, Chain)));
    }

    [Fact]
    public async Task Reads_are_cached_and_every_change_invalidates_them_after_it_commits()
    {
        var (walletId, owner) = await LinkedWalletAsync();
        var redis = Server.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        var key = Modules.Wallets.RedisKeys.WalletApprovals(walletId, Chain.Value);
        await ApplyAsync(Chain, Change(owner, approved: true, block: 30, Noon));

        Assert.Single(await SendAsync(new GetWalletApprovals(walletId, Chain)));
        Assert.True(await redis.KeyExistsAsync(key));
        Assert.InRange((await redis.KeyTimeToLiveAsync(key))!.Value, TimeSpan.FromMinutes(9), ApprovalsCache.Ttl);

        await ApplyAsync(Chain, Change(owner, approved: false, block: 31, Noon.AddMinutes(1)));
        Assert.False(await redis.KeyExistsAsync(key));
        var revoked = Assert.Single(await SendAsync(new GetWalletApprovals(walletId, Chain)));
        Assert.Equal((false, Noon, Noon.AddMinutes(1)), (revoked.Approved, revoked.ApprovedAt!.Value, revoked.RevokedAt!.Value));
        Assert.True(await redis.KeyExistsAsync(key));
    }

    [Fact]
    public async Task Unlinking_a_wallet_drops_its_approvals_and_their_cache()
    {
        var userId = await NewUserAsync();
        var (walletId, owner) = await LinkedWalletAsync(userId);
        await LinkedWalletAsync(userId);
        await ApplyAsync(Chain, Change(owner, approved: true, block: 40, Noon));
        Assert.Single(await SendAsync(new GetWalletApprovals(walletId, Chain)));

        await SendAsync(new Modules.Wallets.Links.UnlinkWallet(userId, walletId));

        Assert.False(await Server.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase().KeyExistsAsync(Modules.Wallets.RedisKeys.WalletApprovals(walletId, Chain.Value)));
        Assert.Empty(await SendAsync(new GetWalletApprovals(walletId, Chain)));
        Assert.Equal(0, await QueryAsync<WalletsDbContext, int>(db => db.ApprovalHistory.CountAsync(h => h.WalletId == walletId, Ct)));
    }

    [Fact]
    public async Task A_retraction_deletes_the_changes_of_its_blocks_and_recomputes_what_they_touched()
    {
        var (walletId, owner) = await LinkedWalletAsync();
        var other = Address.Parse("0x" + new string('d', 40));
        var grant = Change(owner, approved: true, block: 50, Noon);
        var revoke = Change(owner, approved: false, block: 52, Noon.AddMinutes(2));
        // Another operator approved only in the block that goes away: no approval is left for it.
        var onlyInDropped = Change(owner, approved: true, block: 52, Noon.AddMinutes(2), logIndex: 1) with
        {
            Operator = other.Value, Position = revoke.Position with { LogIndex = 1 },
        };
        await ApplyAsync(Chain, grant, revoke, onlyInDropped);
        Assert.All(await SendAsync(new GetWalletApprovals(walletId, Chain)), a => Assert.Equal(a.Operator == other.Value, a.Approved));
        var redis = Server.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        Assert.True(await redis.KeyExistsAsync(Modules.Wallets.RedisKeys.WalletApprovals(walletId, Chain.Value)));

        await RetractAsync(Chain, forkBlock: 51, revoke.Position.BlockHash);

        Assert.False(await redis.KeyExistsAsync(Modules.Wallets.RedisKeys.WalletApprovals(walletId, Chain.Value)));
        var current = Assert.Single(await SendAsync(new GetWalletApprovals(walletId, Chain)));
        Assert.Equal((Marketplace.Value, true, Noon, (DateTimeOffset?)null, grant.Position.TxHash), (current.Operator, current.Approved, current.ApprovedAt!.Value, current.RevokedAt, current.TxHash));
        Assert.Equal([grant.Position.BlockHash], await QueryAsync<WalletsDbContext, List<string>>(db => db.ApprovalHistory.Where(h => h.WalletId == walletId).Select(h => h.BlockHash).ToListAsync(Ct)));
    }

    [Fact]
    public async Task A_change_of_a_retracted_block_that_arrives_after_its_retraction_is_ignored_and_the_new_branch_counts()
    {
        var (walletId, owner) = await LinkedWalletAsync();
        var dropped = Change(owner, approved: true, block: 60, Noon);
        await RetractAsync(Chain, forkBlock: 59, dropped.Position.BlockHash);

        await ApplyAsync(Chain, dropped);
        Assert.Empty(await SendAsync(new GetWalletApprovals(walletId, Chain)));

        // The same log mined again in the new branch's block 60.
        var again = dropped with { Position = dropped.Position with { BlockHash = NewHash() } };
        await ApplyAsync(Chain, again);
        var current = Assert.Single(await SendAsync(new GetWalletApprovals(walletId, Chain)));
        Assert.True(current.Approved);
        Assert.Equal(again.Position.BlockHash, Assert.Single(await QueryAsync<WalletsDbContext, List<string>>(
            db => db.ApprovalHistory.Where(h => h.WalletId == walletId).Select(h => h.BlockHash).ToListAsync(Ct))));
    }

    [Fact]
    public async Task Without_Redis_approvals_are_read_from_Postgres()
    {
        var options = ConfigurationOptions.Parse("127.0.0.1:1");
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 200;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        await using var down = await ConnectionMultiplexer.ConnectAsync(options);
        var fastPath = new RedisFastPath(down, Microsoft.Extensions.Options.Options.Create(new RedisOptions()), TimeProvider.System, NullLogger<RedisFastPath>.Instance);
        var cache = new ApprovalsCache(new VersionedCache(fastPath), fastPath, NullLogger<ApprovalsCache>.Instance);
        var key = new ApprovalsKey(Guid.CreateVersion7(), Chain.Value);
        WalletApprovalDto[] rows = [new(key.WalletId, Chain.Value, Collection, Marketplace.Value, ApprovalStandards.Erc721, true, Noon, null, NewHash(), Noon)];

        var read = await cache.GetOrLoadAsync(key, _ => Task.FromResult<IReadOnlyList<WalletApprovalDto>>(rows), Ct);
        await cache.InvalidateAsync([key]);

        Assert.Equal(rows, read);
    }

    private async Task<(Guid WalletId, Address Owner)> LinkedWalletAsync(Guid? userId = null)
    {
        var account = NewAccount();
        var link = await SendAsync(new UpsertLink(userId ?? Guid.CreateVersion7(), account, IsPrimary: false, WalletTypes.Eoa));
        return (link.WalletId, account.Address!.Value);
    }

    private static ApprovalChange Change(Address owner, bool approved, long block, DateTimeOffset at, int logIndex = 0) =>
        new(owner.Value, Marketplace.Value, approved, Collection, ApprovalStandards.Erc721,
            new ChainPosition(block, NewHash(), logIndex, NewHash(), at));

    /// <summary>Publishes the changes as the indexer would, and waits until Wallets has applied them.</summary>
    private async Task<ApprovalsChanged> ApplyAsync(ChainId chain, params ApprovalChange[] changes)
    {
        var blocks = changes.Select(c => c.Position.BlockNumber).ToList();
        var approvals = new ApprovalsChanged(chain.Value, blocks.Min(), blocks.Max(), changes);
        await PublishAsync(approvals);
        await Eventually.Until(() => ProcessedAsync<WalletsDbContext>(approvals.EventId), done => done, "the approvals applied");
        return approvals;
    }

    /// <summary>Publishes the indexer's retraction of the blocks above <paramref name="forkBlock"/>, and waits until Wallets has applied it.</summary>
    private async Task RetractAsync(ChainId chain, long forkBlock, params string[] blocks)
    {
        var retraction = new EventsRetracted(chain.Value, forkBlock, NewHash(), forkBlock + blocks.Length, blocks, []);
        await PublishAsync(retraction);
        await Eventually.Until(() => ProcessedAsync<WalletsDbContext>(retraction.EventId), done => done, "the retraction applied");
    }

    /// <summary>The same range again under a new message id, as after an indexer restart: the inbox cannot tell.</summary>
    private async Task ReplayAsync(ApprovalsChanged approvals)
    {
        var replay = approvals with { EventId = Guid.CreateVersion7() };
        await PublishAsync(replay);
        await Eventually.Until(() => ProcessedAsync<WalletsDbContext>(replay.EventId), done => done, "the replay applied");
    }

    private static string NewHash() => TxHash.FromBytes(RandomNumberGenerator.GetBytes(TxHash.ByteLength)).Value;
}
