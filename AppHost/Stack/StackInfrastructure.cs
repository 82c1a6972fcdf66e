namespace NftMarketplace.AppHost.Stack;

/// <summary>
/// The five connection strings the Host reads, whichever mode produced them, plus everything the Host must wait
/// for. Resource names equal the connection names, so <c>ConnectionStrings:&lt;name&gt;</c> is the same in both modes.
/// </summary>
public sealed record StackInfrastructure(
    IResourceBuilder<IResourceWithConnectionString> Database,
    IResourceBuilder<IResourceWithConnectionString> Redis,
    IResourceBuilder<IResourceWithConnectionString> RabbitMq,
    IResourceBuilder<IResourceWithConnectionString> Chain,
    IResourceBuilder<IResourceWithConnectionString> Storage,
    IReadOnlyList<IResourceBuilder<IResource>> WaitFor)
{
    public const string DatabaseName = "nftmarketplace";
    public const string PostgresName = "postgres";
    public const string RedisName = "redis";
    public const string RabbitMqName = "rabbitmq";
    public const string ChainName = "chain";
    public const string StorageName = "storage";

    /// <summary>The local chain's id (Anvil's default, also what Hardhat uses).</summary>
    public const int ChainId = 31337;

    /// <summary>The bucket the <c>storage</c> connection string names.</summary>
    public const string StorageBucket = "media";
}
