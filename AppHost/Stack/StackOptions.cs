using Microsoft.Extensions.Configuration;

namespace NftMarketplace.AppHost.Stack;

/// <summary>How the infrastructure runs: as containers, or as local processes when no container runtime is usable.</summary>
public enum StackMode
{
    /// <summary>Containers when a container runtime answers, processes otherwise.</summary>
    Auto,

    /// <summary>PostgreSQL, Redis, RabbitMQ, Anvil and an S3 server as local executables.</summary>
    Process,

    /// <summary>The same five as containers through Docker or Podman.</summary>
    Container,
}

/// <summary>Fixed host ports of the stack; dev defaults stay clear of the system services' usual ports.</summary>
public sealed class StackPorts
{
    public int Postgres { get; set; } = 15432;
    public int Redis { get; set; } = 16379;
    public int RabbitMq { get; set; } = 15673;
    public int RabbitMqManagement { get; set; } = 15674;

    /// <summary>Erlang distribution port of the RabbitMQ node (process mode), bound to 127.0.0.1.</summary>
    public int RabbitMqDistribution { get; set; } = 35673;

    /// <summary>Port of the private epmd that the RabbitMQ node registers with (process mode).</summary>
    public int Epmd { get; set; } = 14369;

    public int Chain { get; set; } = 18545;
    public int Storage { get; set; } = 14568;
    public int Host { get; set; } = 5080;
}

/// <summary>
/// The <c>Stack</c> configuration section (<c>Stack__Mode</c>, <c>--Stack:Mode=process</c>, ...).
/// Relative directories are taken from the repository root.
/// </summary>
public sealed class StackOptions
{
    public const string SectionName = "Stack";

    public StackMode Mode { get; set; } = StackMode.Auto;

    /// <summary>Where the servers keep their data in process mode; survives restarts. Default <c>&lt;repo&gt;/.data</c>.</summary>
    public string DataDir { get; set; } = ".data";

    /// <summary>Where the AppHost writes <c>resources.json</c> and <c>logs/&lt;resource&gt;.log</c>. Default <c>&lt;repo&gt;/.stack</c>.</summary>
    public string StateDir { get; set; } = ".stack";

    /// <summary>When false only the infrastructure runs (the integration-test harness uses this).</summary>
    public bool IncludeHost { get; set; } = true;

    public StackPorts Ports { get; set; } = new();

    /// <summary>Seconds to wait for <c>docker info</c> / <c>podman info</c> in <see cref="StackMode.Auto"/>.</summary>
    public int ContainerProbeTimeoutSeconds { get; set; } = 5;

    /// <summary>Directory of the PostgreSQL server binaries; default: the newest <c>/usr/lib/postgresql/*/bin</c>.</summary>
    public string? PostgresBinDir { get; set; }

    /// <summary>The repository root (parent of the AppHost project directory).</summary>
    public string RepoRoot { get; private set; } = "";

    public static StackOptions Load(IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var options = builder.Configuration.GetSection(SectionName).Get<StackOptions>() ?? new StackOptions();
        options.RepoRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));
        options.DataDir = options.ResolvePath(options.DataDir);
        options.StateDir = options.ResolvePath(options.StateDir);
        return options;
    }

    public string ResolvePath(string path) => Path.GetFullPath(Path.Combine(RepoRoot, path));
}
