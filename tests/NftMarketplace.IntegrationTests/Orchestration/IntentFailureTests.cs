using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using NftMarketplace.IntegrationTests.Support;

namespace NftMarketplace.IntegrationTests.Orchestration;

/// <summary>
/// Transactions that never get mined, on a chain whose mining the test controls: one replaced by another transaction
/// of the same nonce, one dropped from the pool. Both intents end FAILED with the reason.
/// </summary>
public sealed class IntentFailureTests(PrivateChainIntentsHostFixture host) : IClassFixture<PrivateChainIntentsHostFixture>, IAsyncLifetime
{
    private readonly HttpClient _http = host.Http();

    public async ValueTask InitializeAsync() => await host.Chain.RpcAsync<object>("evm_setAutomine", false);

    [Fact]
    public async Task A_transaction_replaced_by_another_of_the_same_nonce_fails_the_intent_as_replaced()
    {
        var creator = await Creator.SignInAsync(host, _http);
        var prepared = await PrepareAsync(creator);
        var txHash = await creator.SendOnlyAsync(prepared.GetProperty("txRequest"));
        var tracked = await TrackAsync(creator, prepared, txHash);
        Assert.Equal("PENDING", tracked.GetProperty("status").GetString());

        // The wallet sends something else with the same nonce instead (a zero-value transfer to itself), and it is mined.
        var pending = await creator.Web3.Eth.Transactions.GetTransactionByHash.SendRequestAsync(txHash);
        await host.Chain.RpcAsync<object>("anvil_dropTransaction", txHash);
        await creator.Web3.Eth.TransactionManager.SendTransactionAsync(new TransactionInput
        {
            From = creator.Address, To = creator.Address, Value = new HexBigInteger(0), Nonce = pending.Nonce, Gas = new HexBigInteger(21_000),
            MaxFeePerGas = pending.MaxFeePerGas, MaxPriorityFeePerGas = pending.MaxPriorityFeePerGas,
        });
        await host.Chain.RpcAsync<object>("evm_mine");
        Assert.Equal(pending.Nonce.Value + 1, (await creator.Web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(creator.Address)).Value);

        var failed = await IntentSteps.AwaitStatusAsync(creator, Creator.Id(prepared), "FAILED");
        Assert.StartsWith("Replaced:", failed.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains(pending.Nonce.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), failed.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_transaction_dropped_from_the_pool_fails_the_intent_as_dropped_after_the_setting()
    {
        var creator = await Creator.SignInAsync(host, _http);
        var prepared = await PrepareAsync(creator);
        var txHash = await creator.SendOnlyAsync(prepared.GetProperty("txRequest"));
        await TrackAsync(creator, prepared, txHash);
        var trackedAt = DateTimeOffset.UtcNow;

        await host.Chain.RpcAsync<object>("anvil_dropTransaction", txHash);

        var failed = await IntentSteps.AwaitStatusAsync(creator, Creator.Id(prepared), "FAILED", TimeSpan.FromMinutes(3));
        Assert.StartsWith("Dropped:", failed.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.True(DateTimeOffset.UtcNow - trackedAt >= TimeSpan.Parse(PrivateChainIntentsHostFixture.DroppedAfter, System.Globalization.CultureInfo.InvariantCulture));
    }

    public async ValueTask DisposeAsync()
    {
        await host.Chain.RpcAsync<object>("evm_setAutomine", true);
        _http.Dispose();
    }

    private static async Task<System.Text.Json.JsonElement> PrepareAsync(Creator creator) =>
        (await creator.PostAsync(Creator.PrepareCollection, new
        {
            input = new { chainId = Creator.ChainId, standard = "ERC721", name = "Never Mined", symbol = "NM" },
        })).Field("prepareCreateCollection");

    private static async Task<System.Text.Json.JsonElement> TrackAsync(Creator creator, System.Text.Json.JsonElement prepared, string txHash) =>
        (await creator.PostAsync(Creator.TrackCollection, new
        {
            input = new { intentId = Creator.Id(prepared), chainId = Creator.ChainId, txHash },
        })).Field("trackCollectionTx");
}
