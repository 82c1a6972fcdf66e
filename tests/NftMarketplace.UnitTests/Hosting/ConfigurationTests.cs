using NftMarketplace.BuildingBlocks.Caching;
using NftMarketplace.BuildingBlocks.Hosting;
using NftMarketplace.BuildingBlocks.Messaging;
using NftMarketplace.BuildingBlocks.Outbox;
using NftMarketplace.BuildingBlocks.Storage;

namespace NftMarketplace.UnitTests.Hosting;

public sealed class ConfigurationTests
{
    [Fact]
    public void A_storage_connection_string_is_parsed()
    {
        var options = ObjectStorageOptions.Parse("Endpoint=http://127.0.0.1:9000;AccessKey=ak;SecretKey=sk;Bucket=media");

        Assert.Equal(new Uri("http://127.0.0.1:9000"), options.Endpoint);
        Assert.Equal(("ak", "sk", "media"), (options.AccessKey, options.SecretKey, options.Bucket));
    }

    [Theory]
    [InlineData("AccessKey=ak;SecretKey=sk;Bucket=media", "Endpoint")]
    [InlineData("Endpoint=ftp://x;AccessKey=ak;SecretKey=sk;Bucket=media", "ftp://x")]
    [InlineData("Endpoint=http://x;AccessKey=ak;SecretKey=sk", "Bucket")]
    public void A_bad_storage_connection_string_names_the_key_and_the_problem(string connectionString, string mentioned)
    {
        var error = Assert.Throws<InvalidConfigurationException>(() => ObjectStorageOptions.Parse(connectionString));

        Assert.Equal("ConnectionStrings:storage", error.Key);
        Assert.Contains(mentioned, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_of_range_messaging_settings_name_their_key()
    {
        var options = new MessagingOptions { RetryDelay = TimeSpan.Zero, MaxDeliveryAttempts = 0, Prefetch = 0 };

        var problems = options.Validate().ToList();

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("Messaging:RetryDelay", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Messaging:MaxDeliveryAttempts", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Messaging:Prefetch", StringComparison.Ordinal));
        Assert.Empty(new MessagingOptions().Validate());
    }

    [Fact]
    public void Out_of_range_outbox_settings_name_their_key()
    {
        var problems = new OutboxOptions { BatchSize = 0, PollInterval = TimeSpan.Zero }.Validate().ToList();

        Assert.Contains(problems, p => p.StartsWith("Outbox:BatchSize", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Outbox:PollInterval", StringComparison.Ordinal));
        Assert.Empty(new OutboxOptions().Validate());
    }

    [Fact]
    public void Redis_keys_follow_the_design()
    {
        var id = Guid.Parse("5f8e5b0c-1111-2222-3333-444455556666");

        Assert.Equal("siwe:nonce:abc", Modules.Auth.RedisKeys.SiweNonce("abc"));
        Assert.Equal("session:blacklist:5f8e5b0c-1111-2222-3333-444455556666", Modules.Auth.RedisKeys.SessionBlacklist(id));
        Assert.Equal("cache:chains:eip155:31337:7", Modules.Registry.RedisKeys.ChainRegistry("eip155:31337", 7));
        Assert.Equal("wallet:approvals:cache:5f8e5b0c-1111-2222-3333-444455556666:eip155:1", Modules.Wallets.RedisKeys.WalletApprovals(id, "eip155:1"));
        Assert.Equal("cache:read:collections:3:top", RedisKeys.ReadCache("collections", 3, "top"));
        Assert.Equal(TimeSpan.FromSeconds(60), Modules.Registry.RedisKeys.Ttl.ChainRegistry);
    }
}
