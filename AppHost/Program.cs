using Microsoft.Extensions.DependencyInjection;
using NftMarketplace.AppHost.Stack;
using NftMarketplace.AppHost.Stack.Container;
using NftMarketplace.AppHost.Stack.Process;

// Dashboard: ./nft serves it on http://127.0.0.1:18888 with OTLP/HTTP on 18889 (or free ports when those are taken;
// the launch profile "http" in Properties/launchSettings.json has the same settings for IDEs), deliberately without
// an HTTPS development certificate (ASPIRE_ALLOW_UNSECURED_TRANSPORT) and without the browser-token login
// (ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS): acceptable only because every address is loopback, so nobody but
// this machine's users can reach it. Keep the addresses on 127.0.0.1 if you change them.
var builder = DistributedApplication.CreateBuilder(args);
var options = StackOptions.Load(builder);

// Decided before any container resource exists: without a healthy runtime a container would wait forever.
var (mode, modeReason) = StackModeResolver.Resolve(builder, options);
builder.Services.AddHttpClient();
var infrastructure = mode == StackMode.Container || OperatingSystem.IsWindows()
    ? ContainerStack.Add(builder, options)
    : ProcessStack.Add(builder, options);

if (options.IncludeHost)
{
    var host = builder.AddProject<Projects.NftMarketplace_Host>("host")
        // The Host itself listens on 127.0.0.1:<port> (no DCP proxy in front), the address scripts and clients use.
        .WithEndpoint("http", endpoint =>
        {
            endpoint.TargetHost = "127.0.0.1";
            endpoint.Port = options.Ports.Host;
            endpoint.TargetPort = options.Ports.Host;
            endpoint.IsProxied = false;
        })
        .WithReference(infrastructure.Database, StackInfrastructure.DatabaseName)
        .WithReference(infrastructure.Redis, StackInfrastructure.RedisName)
        .WithReference(infrastructure.RabbitMq, StackInfrastructure.RabbitMqName)
        .WithReference(infrastructure.Chain, StackInfrastructure.ChainName)
        .WithReference(infrastructure.Storage, StackInfrastructure.StorageName)
        .WithHttpHealthCheck("/health")
        // The development signing key of access tokens lives with the rest of the stack's data, so sessions
        // survive restarts and `./nft reset` forgets them.
        .WithEnvironment("Auth__Signing__KeyFile", Path.Combine(options.DataDir, "host", "auth-signing-key.pem"));
    foreach (var dependency in infrastructure.WaitFor)
    {
        host.WaitFor(dependency);
    }

    StopSequence.Add(builder, StopSequence.DependentsOrder, host.Resource.Name,
        (services, cancellationToken) => StopSequence.StopResourceAsync(services, host.Resource, cancellationToken));
}

if (!builder.ExecutionContext.IsPublishMode)
{
    StackStateWriter.Register(builder, new StackStateWriter.RunInfo(options.StateDir, mode, modeReason));
}

builder.Build().Run();
