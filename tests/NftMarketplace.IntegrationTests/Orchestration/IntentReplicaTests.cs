using System.Text.Json;
using NftMarketplace.IntegrationTests.GraphQL.Subscriptions;
using NftMarketplace.IntegrationTests.Support;

namespace NftMarketplace.IntegrationTests.Orchestration;

/// <summary>
/// READY across Host processes: a second replica of the same deployment (same database, broker, Redis), and the
/// Host killed with SIGKILL between CONFIRMED and READY. The catalog's events are written to the catalog's outbox.
/// </summary>
public sealed class IntentReplicaTests(IntentsHostFixture host) : IClassFixture<IntentsHostFixture>
{
    private const string OnCollectionStatus =
        "subscription($id: ID!) { onCollectionStatus(intentId: $id) { intentId status chainId txHash address error } }";

    private const string OnMintStatus =
        "subscription($id: ID!) { onMintStatus(intentId: $id) { intentId status chainId txHash contract tokenIds error } }";

    [Fact]
    public async Task With_two_replicas_the_socket_on_one_gets_ready_made_on_the_other()
    {
        await using var replica = await HostProcess.StartHealthyAsync(host.HostConfiguration);
        using var httpA = host.Http();
        using var httpB = new HttpClient { BaseAddress = replica.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        var creator = await Creator.SignInAsync(host, httpA);
        var catalog = CatalogSide.Of(host);

        // The track on B applies the fact B or A kept; every step reaches the socket on A.
        var prepared = (await creator.PostAsync(Creator.PrepareCollection, new
        {
            input = new { chainId = Creator.ChainId, standard = "ERC721", name = "Two Replicas", symbol = "TWO" },
        })).Field("prepareCreateCollection");
        var intentId = Creator.Id(prepared);
        var preview = prepared.GetProperty("previewAddress").GetString()!;
        using var socket = await WsClient.ConnectAsync(WebSocket(host.Host), creator.AccessToken);
        await socket.SubscribeAsync("c", OnCollectionStatus, new { id = intentId });
        Assert.Equal("PREPARED", (await NextAsync(socket, "c")).GetProperty("status").GetString());
        var receipt = await creator.SendAsync(prepared.GetProperty("txRequest"));
        await catalog.CollectionCreatedAsync(preview, "erc721", receipt.TransactionHash, creator.Address);
        await Eventually.Until(() => catalog.HoldsFactAsync(receipt.TransactionHash), held => held, "the readiness fact kept");
        var tracked = (await creator.On(httpB).PostAsync(Creator.TrackCollection, new
        {
            input = new { intentId, chainId = Creator.ChainId, txHash = receipt.TransactionHash },
        })).Field("trackCollectionTx");
        Assert.Equal("READY", tracked.GetProperty("status").GetString());
        Assert.Equal(["PENDING", "CONFIRMED", "READY"], [
            (await NextAsync(socket, "c")).GetProperty("status").GetString(),
            (await NextAsync(socket, "c")).GetProperty("status").GetString(),
            (await NextAsync(socket, "c")).GetProperty("status").GetString(),
        ]);

        // Both replicas consume the catalog's events from one queue, which hands them out in turn: with one event at a
        // time for four intents watched on A, B applies some of them, and A's sockets get every READY.
        var collection = await IntentSteps.CreateCollectionAsync(creator, "ERC721");
        var mints = new List<(string IntentId, string TxHash, WsClient Socket)>();
        try
        {
            for (var i = 0; i < 4; i++)
            {
                var mint = (await creator.PostAsync(Creator.PrepareMint721, new
                {
                    input = new { chainId = Creator.ChainId, contract = collection, items = new[] { new { uri = $"ipfs://bafkreiv/{i}" } } },
                })).Field("prepareMint721");
                var mintSocket = await WsClient.ConnectAsync(WebSocket(host.Host), creator.AccessToken);
                await mintSocket.SubscribeAsync("m", OnMintStatus, new { id = Creator.Id(mint) });
                var mintReceipt = await creator.SendAsync(mint.GetProperty("txRequest"));
                await IntentSteps.TrackMintAsync(creator, Creator.Id(mint), mintReceipt.TransactionHash, collection);
                mints.Add((Creator.Id(mint), mintReceipt.TransactionHash, mintSocket));
            }

            for (var i = 0; i < mints.Count; i++)
            {
                await IntentSteps.AwaitStatusAsync(creator, mints[i].IntentId, "CONFIRMED");
                string[] ids = [$"{i + 1}"];
                await catalog.MintedAsync(collection, "erc721", mints[i].TxHash, ids);
                JsonElement frame;
                do
                {
                    frame = await NextAsync(mints[i].Socket, "m");
                }
                while (frame.GetProperty("status").GetString() != "READY");
                Assert.Equal(ids, frame.GetProperty("tokenIds").EnumerateArray().Select(t => t.GetString()!));
            }
        }
        finally
        {
            foreach (var (_, _, mintSocket) in mints)
            {
                mintSocket.Dispose();
            }
        }
    }

    [Fact]
    public async Task A_host_killed_between_confirmed_and_ready_brings_the_intent_to_ready_after_its_restart()
    {
        using var before = host.Http();
        var creator = await Creator.SignInAsync(host, before);
        var collection = await IntentSteps.CreateCollectionAsync(creator, "ERC1155");
        var mint = (await creator.PostAsync(Creator.PrepareMint1155, new
        {
            input = new { chainId = Creator.ChainId, contract = collection, items = new[] { new { amount = "3", uri = "ipfs://bafkreiw/1" } } },
        })).Field("prepareMint1155");
        var intentId = Creator.Id(mint);
        var receipt = await creator.SendAsync(mint.GetProperty("txRequest"));
        await IntentSteps.TrackMintAsync(creator, intentId, receipt.TransactionHash, collection);
        await IntentSteps.AwaitStatusAsync(creator, intentId, "CONFIRMED");

        // The catalog shows the mint while no Host runs; its event waits in the outbox for a Host to relay it.
        await host.KillAndRestartHostAsync(() => CatalogSide.Of(host).MintedAsync(collection, "erc1155", receipt.TransactionHash, ["1"]));

        using var after = host.Http();
        var restarted = creator.On(after);
        JsonElement ready;
        try
        {
            ready = await IntentSteps.AwaitStatusAsync(restarted, intentId, "READY", TimeSpan.FromSeconds(90));
        }
        catch (TimeoutException ex)
        {
            // What the restarted Host said is the only account of why the event did not arrive.
            var output = host.Host.Output;
            throw new TimeoutException($"{ex.Message}\nThe restarted Host's output ends:\n{output[Math.Max(0, output.Length - 6000)..]}", ex);
        }

        Assert.Equal(["1"], ready.GetProperty("tokenIds").EnumerateArray().Select(t => t.GetString()!));
        using var socket = await WsClient.ConnectAsync(WebSocket(host.Host), creator.AccessToken);
        await socket.SubscribeAsync("m", OnMintStatus, new { id = intentId });
        Assert.Equal("READY", (await NextAsync(socket, "m")).GetProperty("status").GetString());
    }

    private static Uri WebSocket(HostProcess process) => new UriBuilder(process.BaseAddress) { Scheme = "ws", Path = "/graphql" }.Uri;

    private static async Task<JsonElement> NextAsync(WsClient socket, string id)
    {
        var message = await socket.ReceiveAsync();
        Assert.True(message.GetProperty("type").GetString() == "next", $"expected next, got {message}");
        Assert.Equal(id, message.GetProperty("id").GetString());
        return message.GetProperty("payload").GetProperty("data").EnumerateObject().Single().Value;
    }
}
