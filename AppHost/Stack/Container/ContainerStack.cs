namespace NftMarketplace.AppHost.Stack.Container;

/// <summary>The infrastructure as containers (Docker or Podman), on the same host ports as process mode.</summary>
public static class ContainerStack
{
    public static StackInfrastructure Add(IDistributedApplicationBuilder builder, StackOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        var ports = options.Ports;
        // Fixed host ports make local endpoints predictable (./nft up, scripts); a deployment chooses its own.
        int? Local(int port) => builder.ExecutionContext.IsRunMode ? port : null;

        var database = builder.AddPostgres(StackInfrastructure.PostgresName, port: Local(ports.Postgres))
            .WithDataVolume()
            .AddDatabase(StackInfrastructure.DatabaseName);
        var redis = builder.AddRedis(StackInfrastructure.RedisName, port: Local(ports.Redis));
        var rabbitMq = builder.AddRabbitMQ(StackInfrastructure.RabbitMqName, port: Local(ports.RabbitMq))
            .WithManagementPlugin(port: Local(ports.RabbitMqManagement));
        var chain = AnvilContainer.Add(builder, StackInfrastructure.ChainName, Local(ports.Chain));
        var storage = MinioContainer.Add(builder, StackInfrastructure.StorageName, Local(ports.Storage));

        return new StackInfrastructure(database, redis, rabbitMq, chain, storage, [database, redis, rabbitMq, chain, storage]);
    }
}
