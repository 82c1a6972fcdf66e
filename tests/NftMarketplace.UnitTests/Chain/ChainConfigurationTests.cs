using Microsoft.Extensions.Configuration;
using NftMarketplace.BuildingBlocks.Chain;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Hosting;

namespace NftMarketplace.UnitTests.Chain;

public sealed class ChainConfigurationTests
{
    [Fact]
    public void Configured_endpoints_are_read_from_the_chain_section()
    {
        var configuration = Configuration(new()
        {
            ["Chains:eip155_1:Endpoints:0:Url"] = "https://a.example/KEY",
            ["Chains:eip155_1:Endpoints:0:Priority"] = "1",
            ["Chains:eip155_1:Endpoints:1:Url"] = "https://b.example/",
            ["Chains:eip155_1:Endpoints:1:Weight"] = "3",
            ["Chains:eip155_1:Endpoints:1:RequestsPerSecond"] = "25",
            ["Chains:eip155_1:Endpoints:1:Active"] = "false",
            ["Chains:eip155_1:Endpoints:1:Name"] = "b",
        });

        var endpoints = ConfigurationChainEndpointSource.Read(configuration, ChainId.Eip155(1));

        Assert.Equal(
            [new ChainEndpoint(new Uri("https://a.example/KEY"), 1), new ChainEndpoint(new Uri("https://b.example/"), 0, 3, 25, false, "b")],
            endpoints);
        Assert.Empty(ConfigurationChainEndpointSource.Read(configuration, ChainId.Eip155(10)));
    }

    [Fact]
    public void The_chain_connection_string_is_the_dev_chains_endpoint_unless_it_has_its_own()
    {
        var fallback = Configuration(new() { ["ConnectionStrings:chain"] = "http://127.0.0.1:8545" });
        var own = Configuration(new()
        {
            ["ConnectionStrings:chain"] = "http://127.0.0.1:8545",
            ["Chains:eip155_31337:Endpoints:0:Url"] = "http://127.0.0.1:9545",
        });

        Assert.Equal([new ChainEndpoint(new Uri("http://127.0.0.1:8545"))], ConfigurationChainEndpointSource.Read(fallback, ConfigurationChainEndpointSource.ConnectionStringChain));
        Assert.Empty(ConfigurationChainEndpointSource.Read(fallback, ChainId.Eip155(1)));
        Assert.Equal([new ChainEndpoint(new Uri("http://127.0.0.1:9545"))], ConfigurationChainEndpointSource.Read(own, ConfigurationChainEndpointSource.ConnectionStringChain));
    }

    [Theory]
    [InlineData("Url", "ftp://a.example/SECRETKEY", "Chains:eip155_1:Endpoints:0:Url")]
    [InlineData("Weight", "-1", "Chains:eip155_1:Endpoints:0")]
    [InlineData("Priority", "first", "Chains:eip155_1:Endpoints:0")]
    public void A_malformed_endpoint_names_its_key_without_echoing_the_url(string setting, string value, string key)
    {
        var values = new Dictionary<string, string?> { ["Chains:eip155_1:Endpoints:0:Url"] = "https://a.example/" };
        values[$"Chains:eip155_1:Endpoints:0:{setting}"] = value;

        var error = Assert.Throws<InvalidConfigurationException>(() => ConfigurationChainEndpointSource.ValidateAll(Configuration(values)));

        Assert.Equal(key, error.Key);
        Assert.DoesNotContain("SECRETKEY", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_of_range_rpc_settings_name_their_key()
    {
        var problems = new ChainRpcOptions
        {
            AttemptTimeout = TimeSpan.Zero,
            Budget = TimeSpan.FromDays(2),
            MaxRounds = 0,
            BreakerFailureRatio = 0,
            BreakerMinimumThroughput = 1,
            BreakDuration = TimeSpan.FromMilliseconds(100),
        }.Validate().ToList();

        foreach (var key in new[] { "AttemptTimeout", "Budget", "MaxRounds", "BreakerFailureRatio", "BreakerMinimumThroughput", "BreakDuration" })
        {
            Assert.Contains(problems, p => p.StartsWith($"ChainRpc:{key} ", StringComparison.Ordinal));
        }

        Assert.Empty(new ChainRpcOptions().Validate());
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
