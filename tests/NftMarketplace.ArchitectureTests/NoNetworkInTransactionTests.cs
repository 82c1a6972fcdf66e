using System.Reflection;
using NftMarketplace.BuildingBlocks.Chain;
using NftMarketplace.BuildingBlocks.Inbox;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.BuildingBlocks.Messaging;

namespace NftMarketplace.ArchitectureTests;

/// <summary>
/// Commands and inbox consumers run inside a database transaction, so they must not reach the network: a slow RPC node
/// would hold the transaction's locks. The rule looks at what their handlers are built from (constructor parameters,
/// followed through the module's own services), so a client passed in through a helper counts too.
/// </summary>
public sealed class NoNetworkInTransactionTests
{
    /// <summary>
    /// Handlers that still reach the chain inside their unit of work, each with its reason. Sign-in checks a contract
    /// wallet's signature (EIP-1271/6492 <c>eth_call</c>) between consuming the nonce and opening the session; moving
    /// that check in front of the transaction changes sign-in itself.
    /// </summary>
    private static readonly HashSet<string> KnownExceptions =
    [
        "NftMarketplace.Modules.Auth.SignIn.VerifySiweHandler",
        "NftMarketplace.Modules.Auth.SignIn.LinkWalletHandler",
    ];

    [Fact]
    public void Handlers_that_run_in_a_transaction_take_no_network_client()
    {
        var offending = Solution.Modules.SelectMany(TransactionalHandlers)
            .Where(h => !KnownExceptions.Contains(h.FullName!))
            .Select(h => (Handler: h, Path: NetworkPath(h)))
            .Where(x => x.Path is not null)
            .Select(x => $"{x.Handler.FullName} ({x.Path})")
            .ToList();

        Assert.True(offending.Count == 0, "Reach the network inside a transaction: " + string.Join("; ", offending));
    }

    [Fact]
    public void The_rule_finds_the_transactional_handlers_of_the_modules()
    {
        // A rule that sees no handler passes for nothing.
        var handlers = Solution.Modules.SelectMany(TransactionalHandlers).Select(h => h.Name).ToList();

        Assert.Contains("AddChainHandler", handlers);
        Assert.Contains("RecordObservedFeesHandler", handlers);
        Assert.Contains("LastSeenOnSignIn", handlers);
    }

    [Fact]
    public void The_rule_catches_a_command_handler_that_takes_the_chain_client()
    {
        var handlers = TransactionalHandlers(typeof(NoNetworkInTransactionTests).Assembly).ToList();

        Assert.Contains(typeof(FetchingHandler), handlers);
        Assert.Contains(typeof(IndirectlyFetchingConsumer), handlers);
        Assert.DoesNotContain(typeof(FetchingQueryHandler), handlers);
        Assert.Equal("IChainRpcClientFactory", NetworkPath(typeof(FetchingHandler)));
        Assert.Equal("FeeReader > HttpClient", NetworkPath(typeof(IndirectlyFetchingConsumer)));
        Assert.Null(NetworkPath(typeof(WritingHandler)));
    }

    [Fact]
    public void The_known_exceptions_still_reach_the_network()
    {
        // An exception that no longer applies must be removed, or it would hide a new violation of the same handler.
        var handlers = Solution.Modules.SelectMany(TransactionalHandlers).ToDictionary(h => h.FullName!);
        foreach (var name in KnownExceptions)
        {
            Assert.True(handlers.TryGetValue(name, out var handler), $"{name} is no handler of a command any more");
            Assert.NotNull(NetworkPath(handler));
        }
    }

    /// <summary>Handlers of commands (unit of work) and inbox consumers (the inbox's transaction) of an assembly.</summary>
    private static IEnumerable<Type> TransactionalHandlers(Assembly assembly) =>
        assembly.GetTypes().Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && t.GetInterfaces().Any(RunsInTransaction));

    private static bool RunsInTransaction(Type contract)
    {
        if (!contract.IsGenericType)
        {
            return false;
        }

        var definition = contract.GetGenericTypeDefinition();
        if (definition == typeof(IIntegrationEventHandler<>))
        {
            return true;
        }

        if (definition != typeof(IRequestHandler<,>))
        {
            return false;
        }

        var (request, response) = (contract.GetGenericArguments()[0], contract.GetGenericArguments()[1]);
        return typeof(ICommand<>).MakeGenericType(response).IsAssignableFrom(request);
    }

    /// <summary>How <paramref name="type"/> reaches a network client through its constructors, or null.</summary>
    private static string? NetworkPath(Type type) => NetworkPath(type, [], depth: 0);

    private static string? NetworkPath(Type type, HashSet<Type> seen, int depth)
    {
        if (depth > 5 || !seen.Add(type))
        {
            return null;
        }

        foreach (var parameter in type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .SelectMany(c => c.GetParameters())
            .Select(p => p.ParameterType))
        {
            if (IsNetworkClient(parameter))
            {
                return parameter.Name;
            }

            // Follow the platform's own services (a store, a verifier), not framework ones.
            if (parameter is { IsClass: true, Namespace: { } ns } && ns.StartsWith("NftMarketplace.", StringComparison.Ordinal)
                && NetworkPath(parameter, seen, depth + 1) is { } inner)
            {
                return $"{parameter.Name} > {inner}";
            }
        }

        return null;
    }

    private static bool IsNetworkClient(Type type) =>
        type == typeof(IChainRpcClientFactory)
        || type == typeof(ChainRpcClient)
        || typeof(HttpMessageInvoker).IsAssignableFrom(type)
        || type == typeof(IHttpClientFactory)
        || type.Namespace?.StartsWith("Nethereum", StringComparison.Ordinal) == true
        || type.Namespace?.StartsWith("Amazon.S3", StringComparison.Ordinal) == true;

    // A violating module, for the rule to catch.
    internal sealed record Fetch : ICommand<Unit>;

    internal sealed record Read : IQuery<Unit>;

    internal sealed record FeesSeen : IntegrationEvent, IIntegrationEvent
    {
        public static string Exchange => "test.events";

        public static string Schema => "test.fees_seen";

        public static int Version => 1;

        public string RoutingKey => "fees.seen";
    }

    internal sealed class FetchingHandler(IChainRpcClientFactory chains) : IRequestHandler<Fetch, Unit>
    {
        public Task<Unit> Handle(Fetch request, CancellationToken cancellationToken) => Task.FromResult(chains is null ? Unit.Value : Unit.Value);
    }

    internal sealed class FetchingQueryHandler(IChainRpcClientFactory chains) : IRequestHandler<Read, Unit>
    {
        public Task<Unit> Handle(Read request, CancellationToken cancellationToken) => Task.FromResult(chains is null ? Unit.Value : Unit.Value);
    }

    internal sealed class WritingHandler(TimeProvider time) : IRequestHandler<Fetch, Unit>
    {
        public Task<Unit> Handle(Fetch request, CancellationToken cancellationToken) => Task.FromResult(time is null ? Unit.Value : Unit.Value);
    }

    internal sealed class FeeReader(HttpClient http)
    {
        public HttpClient Http => http;
    }

    internal sealed class IndirectlyFetchingConsumer(FeeReader reader) : IIntegrationEventHandler<FeesSeen>
    {
        public Task Handle(FeesSeen @event, CancellationToken cancellationToken) => reader.Http is null ? Task.CompletedTask : Task.CompletedTask;
    }
}
