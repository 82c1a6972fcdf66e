using System.Globalization;
using System.Runtime.Versioning;
using Microsoft.Extensions.DependencyInjection;
using NftMarketplace.AppHost.Stack.Health;

namespace NftMarketplace.AppHost.Stack.Process;

/// <summary>
/// A private RabbitMQ node run from the Debian <c>rabbitmq-server</c> files: its own node name, AMQP and
/// management ports on 127.0.0.1, Erlang distribution bound to 127.0.0.1 on a fixed port, and its own epmd on its
/// own port (<see cref="AddEpmd"/>) so no daemonised epmd outlives the stack. Config, enabled plugins, mnesia,
/// logs and the Erlang cookie (HOME) all live in <c>&lt;data&gt;/rabbitmq</c>.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class RabbitMqProcess(string name, string command, string workingDirectory, ReferenceExpression connectionString)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    private const string DebianPackage = "the Debian package rabbitmq-server";

    /// <summary>AMQP URI of the default virtual host, the same shape Aspire gives the RabbitMQ container.</summary>
    public ReferenceExpression ConnectionStringExpression { get; } = connectionString;

    public static IResourceBuilder<RabbitMqProcess> Add(ProcessStack stack, string name)
    {
        ArgumentNullException.ThrowIfNull(stack);

        // The /usr/sbin wrapper switches to the rabbitmq user and uses the system node; this script does neither.
        var server = ProcessStack.RequireFile("/usr/lib/rabbitmq/bin/rabbitmq-server", DebianPackage);
        var epmd = AddEpmd(stack, $"{name}-epmd");
        var dir = stack.DataDirFor("rabbitmq");
        var ports = stack.Ports;
        var credentials = stack.Credentials;
        var amqpPort = ports.RabbitMq.ToString(CultureInfo.InvariantCulture);

        var password = stack.Builder.AddParameter($"{name}-password", credentials.RabbitMqPassword, secret: true);
        var connectionString = ReferenceExpression.Create(
            $"amqp://{credentials.RabbitMqUser}:{password.Resource}@{ProcessStack.Loopback}:{amqpPort}/");

        var healthCheckKey = $"{name}_check";
        stack.Builder.Services.AddHealthChecks().Add(new(
            healthCheckKey,
            services => new RabbitMqHealthCheck(
                new Uri($"amqp://{credentials.RabbitMqUser}:{credentials.RabbitMqPassword}@{ProcessStack.Loopback}:{amqpPort}/"),
                new Uri($"http://{ProcessStack.Loopback}:{ports.RabbitMqManagement}/"),
                services.GetRequiredService<IHttpClientFactory>()),
            failureStatus: null,
            tags: null));

        var configFile = Path.Combine(dir, "rabbitmq.conf");
        var resource = new RabbitMqProcess(name, server, dir, connectionString);
        return stack.Builder.AddResource(resource)
            .WithEnvironment("RABBITMQ_NODENAME", $"nftmp-{amqpPort}@localhost")
            .WithEnvironment("RABBITMQ_CONF_ENV_FILE", Path.Combine(dir, "rabbitmq-env.conf"))
            .WithEnvironment("RABBITMQ_CONFIG_FILE", configFile)
            .WithEnvironment("RABBITMQ_ADVANCED_CONFIG_FILE", Path.Combine(dir, "advanced.config"))
            .WithEnvironment("RABBITMQ_ENABLED_PLUGINS_FILE", Path.Combine(dir, "enabled_plugins"))
            .WithEnvironment("RABBITMQ_MNESIA_BASE", Path.Combine(dir, "mnesia"))
            .WithEnvironment("RABBITMQ_LOG_BASE", Path.Combine(dir, "log"))
            .WithEnvironment("RABBITMQ_LOGS", "-")
            .WithEnvironment("RABBITMQ_PID_FILE", Path.Combine(dir, "rabbitmq.pid"))
            .WithEnvironment("RABBITMQ_DIST_PORT", ports.RabbitMqDistribution.ToString(CultureInfo.InvariantCulture))
            // The Erlang cookie is created in $HOME.
            .WithEnvironment("HOME", dir)
            .WithEnvironment("ERL_EPMD_PORT", ports.Epmd.ToString(CultureInfo.InvariantCulture))
            .WithEnvironment("ERL_EPMD_ADDRESS", ProcessStack.Loopback)
            // Makes the script exec the Erlang VM instead of keeping a shell that forwards signals: DCP then
            // supervises the VM itself. "+B i" makes the VM ignore SIGINT (a terminal Ctrl-C); DCP stops it with
            // SIGTERM, which RabbitMQ turns into an orderly shutdown.
            .WithEnvironment("RUNNING_UNDER_SYSTEMD", "true")
            .WithEnvironment("RABBITMQ_SERVER_START_ARGS", "+B i")
            .WithEndpoint(port: ports.RabbitMq, targetPort: ports.RabbitMq, name: "tcp", isProxied: false)
            .WithHttpEndpoint(port: ports.RabbitMqManagement, targetPort: ports.RabbitMqManagement, name: "management", isProxied: false)
            .WithHealthCheck(healthCheckKey)
            .WaitFor(epmd)
            .OnBeforeResourceStarted((_, _, _) =>
            {
                Directory.CreateDirectory(Path.Combine(dir, "mnesia"));
                Directory.CreateDirectory(Path.Combine(dir, "log"));
                File.WriteAllText(Path.Combine(dir, "rabbitmq-env.conf"), "# Intentionally empty: keeps /etc/rabbitmq/rabbitmq-env.conf out.\n");
                File.WriteAllText(Path.Combine(dir, "enabled_plugins"), "[rabbitmq_management].\n");
                File.WriteAllText(Path.Combine(dir, "advanced.config"), "[].\n");
                // default_user/default_pass only take effect when the node's database is created (first start);
                // the credentials are kept with the data for that reason (ProcessCredentials).
                ProcessStack.WritePrivateFile(configFile, $"""
                    # Generated by the AppHost (RabbitMqProcess) at every start; edit the code, not this file.
                    listeners.tcp.1 = {ProcessStack.Loopback}:{amqpPort}
                    management.tcp.ip = {ProcessStack.Loopback}
                    management.tcp.port = {ports.RabbitMqManagement}
                    distribution.listener.interface = {ProcessStack.Loopback}
                    distribution.listener.port_range.min = {ports.RabbitMqDistribution}
                    distribution.listener.port_range.max = {ports.RabbitMqDistribution}
                    default_vhost = /
                    default_user = {credentials.RabbitMqUser}
                    default_pass = {credentials.RabbitMqPassword}
                    default_user_tags.administrator = true
                    default_permissions.configure = .*
                    default_permissions.read = .*
                    default_permissions.write = .*
                    log.console = true
                    log.console.level = info
                    log.file = false
                    """);
                return Task.CompletedTask;
            });
    }

    /// <summary>
    /// epmd in the foreground on 127.0.0.1 and its own port. Without it the Erlang VM would start a daemonised
    /// epmd on the shared default port that keeps running after the stack stops.
    /// </summary>
    private static IResourceBuilder<ExecutableResource> AddEpmd(ProcessStack stack, string name)
    {
        var epmd = ProcessStack.RequireFile("/usr/bin/epmd", "the Debian package erlang-base (a dependency of rabbitmq-server)");
        var port = stack.Ports.Epmd;
        var healthCheckKey = $"{name}_check";
        stack.Builder.Services.AddHealthChecks().Add(new(
            healthCheckKey, _ => new TcpPortHealthCheck(ProcessStack.Loopback, port), failureStatus: null, tags: null));

        return stack.Builder.AddExecutable(name, epmd, stack.Options.DataDir,
                "-port", port.ToString(CultureInfo.InvariantCulture), "-address", ProcessStack.Loopback)
            .WithEndpoint(port: port, targetPort: port, name: "tcp", isProxied: false)
            .WithHealthCheck(healthCheckKey);
    }
}
