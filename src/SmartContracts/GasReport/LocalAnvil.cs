using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Nethereum.Web3;

namespace NftMarketplace.SmartContracts.GasReport;

/// <summary>An Anvil of its own (the npm one the stack uses), so measurements start from an empty chain.</summary>
internal sealed class LocalAnvil : IAsyncDisposable
{
    private readonly Process _process;

    private LocalAnvil(Process process, Uri rpc)
    {
        _process = process;
        Rpc = rpc;
    }

    public Uri Rpc { get; }

    public static async Task<LocalAnvil> StartAsync()
    {
        var binary = FindBinary();
        var port = FreePort();
        var start = new ProcessStartInfo(binary, ["--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--chain-id", "31337", "--silent"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{binary} did not start.");
        var anvil = new LocalAnvil(process, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            await anvil.WaitUntilAnsweringAsync();
            return anvil;
        }
        catch
        {
            await anvil.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilAnsweringAsync()
    {
        var web3 = new Web3(Rpc.ToString());
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                await web3.Eth.ChainId.SendRequestAsync();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>The platform package's native binary, installed by <c>npm ci</c> at the repository root.</summary>
    private static string FindBinary()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NftMarketplace.sln")))
        {
            directory = directory.Parent;
        }

        var arch = RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "arm64" : "amd64";
        var platform = OperatingSystem.IsMacOS() ? "darwin" : "linux";
        var binary = directory is null ? null : Path.Combine(directory.FullName, "node_modules", "@foundry-rs", $"anvil-{platform}-{arch}", "bin", "anvil");
        return File.Exists(binary)
            ? binary
            : throw new InvalidOperationException("Anvil not found: run `npm ci` at the repository root, or pass --rpc <url> of a running Anvil.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
