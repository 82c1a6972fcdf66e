using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NftMarketplace.BuildingBlocks.Caching;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.Users;
using NftMarketplace.Modules.Wallets.Approvals;
using NftMarketplace.Modules.Wallets.Contracts;
using NftMarketplace.Modules.Wallets.Persistence;
using StackExchange.Redis;

namespace NftMarketplace.IntegrationTests.Wallets;

/// <summary>Operator approvals as the indexer records them, and their Redis cache.</summary>
public sealed class ApprovalsTests(InfrastructureFixture infrastructure) : UsersWalletsTest(infrastructure)
{
    private static readonly ChainId Chain = ChainId.Eip155(31337);
    private static readonly Address Marketplace = Address.Parse("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
    private static readonly DateTimeOffset Noon = new(2030, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_approval_is_recorded_once_per_transaction_for_linked_wallets_only()
    {
        var (walletId, owner) = await LinkedWalletAsync();
        var approval = new RecordApproval(owner, Chain, Marketplace, ApprovalStandards.Erc721, Approved: true, NewTx(), Noon);

        var first = await SendAsync(approval);
        var repeat = await SendAsync(approval);
        var stranger = await SendAsync(approval with { Owner = Address.FromBytes(RandomNumberGenerator.GetBytes(20)) });
        var older = await SendAsync(approval with { Approved = false, TxHash = NewTx(), At = Noon.AddHours(-1) });

        Assert.Equal([walletId], first.WalletIds);
        Assert.Empty(repeat.WalletIds);
        Assert.Empty(stranger.WalletIds);
        Assert.Equal([walletId], older.WalletIds);
        Assert.Equal(2, await QueryAsync<WalletsDbContext, int>(db => db.ApprovalHistory.CountAsync(h => h.WalletId == walletId, Ct)));
        var current = Assert.Single(await SendAsync(new GetWalletApprovals(walletId, Chain)));
        Assert.Equal((true, Noon, (DateTimeOffset?)null, approval.TxHash.Value), (current.Approved, current.ApprovedAt!.Value, current.RevokedAt, current.TxHash));
        Assert.Equal(Marketplace.Value, current.Operator);
    }

    [Fact]
    public async Task An_eoa_linked_on_one_chain_gets_its_approvals_on_every_chain()
    {
        var (walletId, owner) = await LinkedWalletAsync();
        var otherChain = ChainId.Eip155(137);

        var recorded = await SendAsync(new RecordApproval(owner, otherChain, Marketplace, ApprovalStandards.Erc1155, true, NewTx(), Noon));

        Assert.Equal([walletId], recorded.WalletIds);
        Assert.Single(await SendAsync(new GetWalletApprovals(walletId, otherChain)));
        Assert.Empty(await SendAsync(new GetWalletApprovals(walletId, Chain)));
    }

    [Fact]
    public async Task Reads_are_cached_and_every_change_invalidates_them_after_it_commits()
    {
        var (walletId, owner) = await LinkedWalletAsync();
        var redis = Server.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        var key = RedisKeys.WalletApprovals(walletId, Chain.Value);
        await SendAsync(new RecordApproval(owner, Chain, Marketplace, ApprovalStandards.Erc721, true, NewTx(), Noon));

        Assert.Single(await SendAsync(new GetWalletApprovals(walletId, Chain)));
        Assert.True(await redis.KeyExistsAsync(key));
        Assert.InRange((await redis.KeyTimeToLiveAsync(key))!.Value, TimeSpan.FromMinutes(9), ApprovalsCache.Ttl);

        await SendAsync(new RecordApproval(owner, Chain, Marketplace, ApprovalStandards.Erc721, false, NewTx(), Noon.AddMinutes(1)));
        Assert.False(await redis.KeyExistsAsync(key));
        var revoked = Assert.Single(await SendAsync(new GetWalletApprovals(walletId, Chain)));
        Assert.Equal((false, Noon, Noon.AddMinutes(1)), (revoked.Approved, revoked.ApprovedAt!.Value, revoked.RevokedAt!.Value));
        Assert.True(await redis.KeyExistsAsync(key));

        // The invalidation wraps the unit of work, so it runs after the commit.
        await using var scope = Server.Services.CreateAsyncScope();
        var pipeline = scope.ServiceProvider.GetServices<IPipelineBehavior<RecordApproval, RecordApprovalResult>>().Select(b => b.GetType().Name).ToList();
        Assert.True(
            pipeline.IndexOf(nameof(ApprovalsCacheInvalidation)) < pipeline.FindIndex(n => n.StartsWith("UnitOfWorkBehavior", StringComparison.Ordinal)),
            string.Join(" > ", pipeline));
    }

    [Fact]
    public async Task Unlinking_a_wallet_drops_its_approvals_and_their_cache()
    {
        var userId = await NewUserAsync();
        var (walletId, owner) = await LinkedWalletAsync(userId);
        await LinkedWalletAsync(userId);
        await SendAsync(new RecordApproval(owner, Chain, Marketplace, ApprovalStandards.Erc721, true, NewTx(), Noon));
        Assert.Single(await SendAsync(new GetWalletApprovals(walletId, Chain)));

        await SendAsync(new Modules.Wallets.Links.UnlinkWallet(userId, walletId));

        Assert.False(await Server.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase().KeyExistsAsync(RedisKeys.WalletApprovals(walletId, Chain.Value)));
        Assert.Empty(await SendAsync(new GetWalletApprovals(walletId, Chain)));
        Assert.Equal(0, await QueryAsync<WalletsDbContext, int>(db => db.ApprovalHistory.CountAsync(h => h.WalletId == walletId, Ct)));
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
        WalletApprovalDto[] rows = [new(key.WalletId, Chain.Value, Marketplace.Value, ApprovalStandards.Erc721, true, Noon, null, NewTx().Value, Noon)];

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

    private static TxHash NewTx() => TxHash.FromBytes(RandomNumberGenerator.GetBytes(TxHash.ByteLength));
}
