using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.IntegrationTests.GraphQL;
using NftMarketplace.IntegrationTests.Indexing;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.SmartContracts;
using NftMarketplace.IntegrationTests.Support;
using NftMarketplace.Modules.Registry;
using NftMarketplace.Modules.Registry.Contracts;
using NftMarketplace.Modules.Registry.DevChain;
using NftMarketplace.SmartContracts.Factory;

namespace NftMarketplace.IntegrationTests.Registry;

/// <summary>The dev chain bootstrap against the run's Anvil: deterministic deployment, registration, idempotence, two replicas.</summary>
public sealed class DevChainBootstrapTests(InfrastructureFixture infrastructure) : IsolatedTest(infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_replicas_deploy_the_factory_once_register_it_and_a_restart_finds_it_and_does_nothing()
    {
        // A fresh funded deployer, so no other test's nonces are shared; CREATE2 addresses do not depend on it.
        var funded = await new TestChain(Infrastructure.ChainRpcUri).NewAccountAsync();
        var deployerKey = ((Account)funded.TransactionManager.Account).PrivateKey;
        await using var server = await GatewayServer.StartAsync(
            Infrastructure, Environment, builder => builder.AddRegistryModule(),
            new Dictionary<string, string?> { ["Registry:DevChain:DeployerKey"] = deployerKey, ["Registry:DevChain:Enabled"] = "false" });
        var bootstrap = server.Services.GetRequiredService<DevChainBootstrap>();

        var replicas = await Task.WhenAll(bootstrap.RunAsync(Ct), bootstrap.RunAsync(Ct));
        var restart = await bootstrap.RunAsync(Ct);

        // Each contract deployed at most once between the two replicas (none if an earlier run of this Anvil did it).
        var deployed = replicas.SelectMany(r => r.Deployed).ToList();
        Assert.Equal(deployed.Distinct().Count(), deployed.Count);
        Assert.Single(replicas, r => r.RegistryChanged);
        Assert.Empty(restart.Deployed);
        Assert.False(restart.RegistryChanged);
        Assert.Equal(replicas[0].Factory, restart.Factory);

        var chainId = ChainId.Eip155(TestChain.ChainId);
        await using var scope = server.Services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var chain = await sender.Send(new GetChain(chainId), Ct);
        var contracts = await sender.Send(new GetContracts(chainId), Ct);

        Assert.NotNull(chain);
        Assert.Equal(("Anvil (local)", "ETH", 18, 1, true), (chain.Name, chain.NativeSymbol, chain.Decimals, chain.ConfirmationsRequired, chain.Enabled));
        Assert.Equal(Infrastructure.ChainRpcUri.ToString(), Assert.Single(chain.Endpoints).Url);
        Assert.Equal(
            [ContractNames.Collection1155Implementation, ContractNames.Collection721Implementation, ContractNames.NftFactory],
            contracts.Select(c => c.Name));
        // The RPC client now takes the chain's endpoints from the registry.
        var endpoint = Assert.Single(await server.Services.GetRequiredService<NftMarketplace.BuildingBlocks.Chain.IChainEndpointSource>()
            .GetEndpointsAsync(chainId, Ct));
        Assert.Equal(Infrastructure.ChainRpcUri, endpoint.Url);

        var factory = contracts.Single(c => c.Name == ContractNames.NftFactory);
        Assert.Equal(restart.Factory.ToChecksumString(), factory.Address);
        Assert.Equal(restart.FactoryStartBlock, factory.StartBlock);

        var web3 = new Web3(Infrastructure.ChainRpcUri.ToString());
        var latest = (long)(await web3.Eth.Blocks.GetBlockNumber.SendRequestAsync()).Value;
        Assert.InRange(factory.StartBlock, 1, latest);
        Assert.True((await web3.Eth.GetCode.SendRequestAsync(factory.Address)).Length > 2);
        // The factory was constructed over the registered implementations.
        var implementation721 = await web3.Eth.GetContractQueryHandler<ImplementationOfFunction>()
            .QueryAsync<string>(factory.Address, new ImplementationOfFunction { Standard = (byte)TokenStandard.Erc721 });
        Assert.Equal(
            contracts.Single(c => c.Name == ContractNames.Collection721Implementation).Address,
            Address.Parse(implementation721).ToChecksumString());
    }

    [Fact]
    public async Task Hosts_on_their_own_databases_bootstrapping_one_fresh_chain_at_once_all_start()
    {
        // Each Host's advisory lock is in its own database, so both see an empty chain and both deploy: the addresses
        // are deterministic, and whoever comes second meets a reverting estimate or a refused CREATE2.
        await using var anvil = await PrivateAnvil.StartAsync();
        var chain = new TestChain(anvil.Rpc);
        await using var other = await IsolatedEnvironment.CreateAsync(
            Infrastructure.PostgresConnectionString, Infrastructure.RabbitMqUri, Infrastructure.RabbitMqManagementUri);
        var servers = new List<GatewayServer>();
        try
        {
            foreach (var environment in new[] { Environment, other })
            {
                var deployer = (Account)(await chain.NewAccountAsync()).TransactionManager.Account;
                servers.Add(await GatewayServer.StartAsync(
                    Infrastructure, environment, builder => builder.AddRegistryModule(),
                    new Dictionary<string, string?>
                    {
                        ["ConnectionStrings:chain"] = anvil.Rpc.ToString(),
                        ["Registry:DevChain:DeployerKey"] = deployer.PrivateKey,
                        ["Registry:DevChain:Enabled"] = "false",
                    }));
            }

            var results = await Task.WhenAll(servers.Select(server => server.Services.GetRequiredService<DevChainBootstrap>().RunAsync(Ct)));

            Assert.All(results, result => Assert.True(result.RegistryChanged));
            Assert.Equal(results[0].Factory, results[1].Factory);
            Assert.Equal(results[0].FactoryStartBlock, results[1].FactoryStartBlock);
            var deployed = results.SelectMany(r => r.Deployed).ToList();
            Assert.Equal(3, deployed.Count);
            Assert.Equal(3, deployed.Distinct().Count());
        }
        finally
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task The_gas_policy_is_observed_from_fee_history_and_bumps_the_chain_version()
    {
        var funded = await new TestChain(Infrastructure.ChainRpcUri).NewAccountAsync();
        var deployerKey = ((Account)funded.TransactionManager.Account).PrivateKey;
        await using var server = await GatewayServer.StartAsync(
            Infrastructure, Environment, builder => builder.AddRegistryModule(),
            new Dictionary<string, string?>
            {
                ["Registry:DevChain:DeployerKey"] = deployerKey,
                ["Registry:DevChain:Enabled"] = "false",
                ["Registry:GasPolicy:Interval"] = "00:00:00",
            });
        await server.Services.GetRequiredService<DevChainBootstrap>().RunAsync(Ct);
        var chainId = ChainId.Eip155(TestChain.ChainId);
        await using var scope = server.Services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var before = (await sender.Send(new GetChain(chainId), Ct))!.Version;

        await scope.ServiceProvider.GetRequiredService<NftMarketplace.Modules.Registry.GasPolicy.GasPolicyObservation>().ObserveAsync(chainId, Ct);

        var policy = await sender.Send(new GetGasPolicy(chainId), Ct);
        Assert.NotNull(policy);
        Assert.True(policy.LastObservedBaseFeeGwei > 0, $"base fee {policy.LastObservedBaseFeeGwei}");
        Assert.Equal(policy.LastObservedBaseFeeGwei * policy.Multiplier + policy.PriorityFeeGwei, policy.MaxFeeGwei);
        var observed = (await sender.Send(new GetChain(chainId), Ct))!.Version;
        Assert.True(observed > before);

        // A command that changes nothing (the chain is enabled already) leaves the version, so cached copies stay valid.
        await sender.Send(new NftMarketplace.Modules.Registry.Chains.EnableChain(chainId), Ct);
        Assert.Equal(observed, (await sender.Send(new GetChain(chainId), Ct))!.Version);
    }

    [Fact]
    public async Task The_Host_bootstraps_the_dev_chain_on_start_when_enabled_and_logs_how_long_it_took()
    {
        var funded = await new TestChain(Infrastructure.ChainRpcUri).NewAccountAsync();
        await using var host = await StartHealthyHostAsync(configuration =>
        {
            configuration["Registry__DevChain__Enabled"] = "true";
            configuration["Registry__DevChain__DeployerKey"] = ((Account)funded.TransactionManager.Account).PrivateKey;
            configuration["Logging__LogLevel__NftMarketplace.Modules.Registry"] = "Information";
        });
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        var names = await Eventually.Until(
            async () =>
            {
                using var response = await http.PostAsJsonAsync(
                    "graphql", new { query = "{ chain(id: \"eip155:31337\") { name contracts { name address } } }" }, Ct);
                var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
                return body.GetProperty("data").GetProperty("chain") is { ValueKind: JsonValueKind.Object } chain
                    ? string.Join(",", chain.GetProperty("contracts").EnumerateArray().Select(c => c.GetProperty("name").GetString()))
                    : "";
            },
            names => names.Contains(ContractNames.NftFactory, StringComparison.Ordinal),
            "the factory registered by the Host's bootstrap",
            TimeSpan.FromSeconds(60));

        Assert.Equal("Collection1155,Collection721,NftFactory", names);
        Assert.Contains("Dev chain eip155:31337: factory at", host.Output, StringComparison.Ordinal);
        Assert.Contains(" ms", host.Output, StringComparison.Ordinal);
    }
}
