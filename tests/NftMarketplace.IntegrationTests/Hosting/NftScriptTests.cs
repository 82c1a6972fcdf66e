using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NftMarketplace.IntegrationTests.Hosting;

/// <summary>
/// The <c>./nft</c> script's own behaviour: its usage, and how <c>up</c>/<c>run</c> choose the stack's ports (the
/// function they call, sourced from the script, so no stack is started).
/// </summary>
public sealed class NftScriptTests : IDisposable
{
    private const int DefaultHostPort = 5080;
    private const int DefaultDashboardPort = 18888;

    /// <summary>The script by its full path: a relative program name is not looked up in the working directory.</summary>
    private static readonly string Nft = Path.Combine(Support.Repository.Root, "nft");

    private readonly string _stateDir = Directory.CreateTempSubdirectory("nft-state-").FullName;

    [Theory]
    [InlineData("help")]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Help_prints_the_usage_and_succeeds(string command)
    {
        var (exitCode, stdout, _) = await RunAsync([Nft, command]);

        Assert.Equal(0, exitCode);
        Assert.StartsWith("usage:", stdout, StringComparison.Ordinal);
        Assert.Contains("./nft up", stdout, StringComparison.Ordinal);
        Assert.Contains("./nft help", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_is_refused_with_the_usage_and_exit_code_2()
    {
        var (exitCode, stdout, stderr) = await RunAsync([Nft, "frobnicate"]);

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        Assert.Contains("unknown command 'frobnicate'", stderr, StringComparison.Ordinal);
        Assert.Contains("./nft up", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Taken_default_ports_are_replaced_by_free_ones_and_a_port_set_in_the_environment_is_kept()
    {
        // Held here, or already held by something else on this machine: taken either way.
        using var host = TryListen(DefaultHostPort);
        using var dashboard = TryListen(DefaultDashboardPort);
        var explicitRedis = FreePort();

        var (exitCode, _, stderr) = await RunAsync(
            ["bash", "-c", "source ./nft && choose_ports"],
            new Dictionary<string, string> { ["Stack__Ports__Redis"] = explicitRedis.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(0, exitCode);
        var ports = File.ReadAllLines(Path.Combine(_stateDir, "ports.env"))
            .Select(line => line.Split('='))
            .ToDictionary(pair => pair[0], pair => int.Parse(pair[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(12, ports.Count);
        Assert.NotEqual(DefaultHostPort, ports["Stack__Ports__Host"]);
        Assert.NotEqual(DefaultDashboardPort, ports["Stack__Ports__Dashboard"]);
        Assert.Equal(explicitRedis, ports["Stack__Ports__Redis"]);
        Assert.Equal(ports.Count, ports.Values.Distinct().Count());
        Assert.Contains($"port {DefaultHostPort} of the Host is taken; using {ports["Stack__Ports__Host"]} instead", stderr, StringComparison.Ordinal);
        Assert.Contains($"port {DefaultDashboardPort} of the dashboard is taken", stderr, StringComparison.Ordinal);
        foreach (var (name, port) in ports.Where(p => p.Key is not "Stack__Ports__Redis"))
        {
            using var probe = TryListen(port);
            Assert.True(probe is not null, $"{name}={port} was chosen but is not free");
        }
    }

    public void Dispose() => Directory.Delete(_stateDir, recursive: true);

    private static TcpListener? TryListen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return listener;
        }
        catch (SocketException)
        {
            listener.Dispose();
            return null;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(
        string[] command, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(command[0], command[1..])
        {
            WorkingDirectory = Support.Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Stack__StateDir"] = _stateDir;
        start.Environment["Stack__DataDir"] = Path.Combine(_stateDir, "data");
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("Stack__Ports__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(60));
        var stdout = process.StandardOutput.ReadToEndAsync(limit.Token);
        var stderr = process.StandardError.ReadToEndAsync(limit.Token);
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
