using Microsoft.Extensions.Logging.Abstractions;
using NftMarketplace.BuildingBlocks.Chain;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.IntegrationTests.Chain;
using NftMarketplace.Modules.Auth.Signatures;

namespace NftMarketplace.IntegrationTests.Auth.Signatures;

/// <summary>
/// A <see cref="SignatureVerifier"/> on the run's Anvil, built as the Host builds its chain clients, through a
/// forwarder that counts the requests it sends (so a test can tell the verifier did not ask the chain).
/// </summary>
internal sealed class VerifierOnAnvil : IAsyncDisposable
{
    private readonly RpcForwarder _forwarder;
    private readonly ChainClients _clients;

    private VerifierOnAnvil(RpcForwarder forwarder, ChainClients clients)
    {
        _forwarder = forwarder;
        _clients = clients;
        Verifier = new SignatureVerifier(new OneChain(clients.Client), NullLogger<SignatureVerifier>.Instance);
    }

    public static ChainId Chain => ChainClients.Chain;

    public SignatureVerifier Verifier { get; }

    /// <summary>The JSON-RPC requests sent to the chain so far.</summary>
    public int Requests => _forwarder.Requests;

    /// <summary>While true, the chain's only endpoint answers HTTP 503: the chain cannot be reached.</summary>
    public bool Unreachable
    {
        get => _forwarder.Failing;
        set => _forwarder.Failing = value;
    }

    public static async Task<VerifierOnAnvil> StartAsync(Uri anvil)
    {
        var forwarder = await RpcForwarder.StartAsync(anvil);
        return new VerifierOnAnvil(forwarder, new ChainClients(new ChainRpcOptions(), new ChainEndpoint(forwarder.Url)));
    }

    public Task<SignatureVerification> VerifyAsync(string address, string message, byte[] signature) =>
        Verifier.VerifyAsync(Chain, Address.Parse(address.ToLowerInvariant()), message, signature, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        _clients.Dispose();
        await _forwarder.DisposeAsync();
    }

    /// <summary>The platform's factory reduced to the one chain the test client serves.</summary>
    private sealed class OneChain(ChainRpcClient client) : IChainRpcClientFactory
    {
        public ChainRpcClient GetClient(ChainId chain) =>
            chain == client.Chain ? client : throw new ArgumentException($"Only {client.Chain} is served here.", nameof(chain));
    }
}
