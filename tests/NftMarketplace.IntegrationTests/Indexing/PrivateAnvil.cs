using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Nethereum.JsonRpc.Client;
using Nethereum.Web3;
using NftMarketplace.IntegrationTests.Support;

namespace NftMarketplace.IntegrationTests.Indexing;

/// <summary>
/// An Anvil node of one test class alone, on a free port: tests that reorg the chain or mine at will must not do it to
/// the run's shared node, which other classes use at the same time. Disposing it ends the process it started.
/// </summary>
public sealed class PrivateAnvil : IAsyncDisposable
{
    public const long ChainNumber = 31337;

    private readonly Process _process;

    private PrivateAnvil(Process process, Uri rpc)
    {
        _process = process;
        Rpc = rpc;
        Web3 = new Web3(rpc.ToString());
    }

    public Uri Rpc { get; }

    /// <summary>A Web3 without an account, for reads and Anvil's own methods.</summary>
    public Web3 Web3 { get; }

    public static async Task<PrivateAnvil> StartAsync()
    {
        var port = FreePort();
        var start = new ProcessStartInfo(Binary())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--chain-id", ChainNumber.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("anvil did not start");
        // Drained so a full pipe never blocks the node.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var anvil = new PrivateAnvil(process, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            await Eventually.Until(
                async () =>
                {
                    try
                    {
                        return await anvil.Web3.Eth.ChainId.SendRequestAsync() is not null;
                    }
                    catch (Exception ex) when (ex is HttpRequestException or RpcClientUnknownException or RpcClientTimeoutException)
                    {
                        return false;
                    }
                },
                up => up,
                "the private anvil to answer");
        }
        catch
        {
            await anvil.DisposeAsync();
            throw;
        }

        return anvil;
    }

    public Task<T> RpcAsync<T>(string method, params object[] parameters) => Web3.Client.SendRequestAsync<T>(method, null, parameters);

    public async Task<long> HeadAsync() => (long)(await Web3.Eth.Blocks.GetBlockNumber.SendRequestAsync()).Value;

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>The native binary of the npm package, as the AppHost runs it (the node wrapper would orphan it when killed).</summary>
    private static string Binary()
    {
        var arch = RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "arm64" : "amd64";
        var platform = OperatingSystem.IsMacOS() ? "darwin" : "linux";
        var native = Path.Combine(Repository.Root, "node_modules", "@foundry-rs", $"anvil-{platform}-{arch}", "bin", "anvil");
        return File.Exists(native) ? native : Path.Combine(Repository.Root, "node_modules", ".bin", "anvil");
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
