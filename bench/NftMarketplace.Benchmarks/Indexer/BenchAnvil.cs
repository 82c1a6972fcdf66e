using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace NftMarketplace.Benchmarks.Indexer;

/// <summary>
/// An Anvil node of the bench alone, on a free port (chain id 31337), optionally started from a saved state; plain
/// JSON-RPC over one <see cref="HttpClient"/>. Disposing it ends the process it started.
/// </summary>
internal sealed class BenchAnvil : IAsyncDisposable
{
    public const long ChainNumber = 31337;

    private readonly Process _process;
    private readonly HttpClient _http;
    private long _id;

    private BenchAnvil(Process process, Uri rpc)
    {
        _process = process;
        Rpc = rpc;
        _http = new HttpClient { BaseAddress = rpc, Timeout = TimeSpan.FromMinutes(5) };
    }

    public Uri Rpc { get; }

    /// <param name="stateFile">A state written by <c>anvil_dumpState</c> (decompressed) to start from; null for a fresh chain.</param>
    public static async Task<BenchAnvil> StartAsync(string? stateFile)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(Binary()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--chain-id", ChainNumber.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        if (stateFile is not null)
        {
            start.ArgumentList.Add("--load-state");
            start.ArgumentList.Add(stateFile);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("anvil did not start");
        // Drained so a full pipe never blocks the node.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var anvil = new BenchAnvil(process, new Uri($"http://127.0.0.1:{port}/"));
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (true)
        {
            try
            {
                await anvil.HeadAsync();
                return anvil;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(200);
            }
            catch
            {
                await anvil.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>Sends one request; the <c>result</c>, or an exception carrying the node's error.</summary>
    public async Task<JsonElement> RpcAsync(string method, params object?[] parameters)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { jsonrpc = "2.0", id = Interlocked.Increment(ref _id), method, @params = parameters });
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await _http.PostAsync("", content);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        if (document.RootElement.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException($"{method} failed: {error.GetRawText()}");
        }

        return document.RootElement.GetProperty("result").Clone();
    }

    public async Task<long> HeadAsync() => Quantity(await RpcAsync("eth_blockNumber"));

    public static long Quantity(JsonElement hex) => long.Parse(hex.GetString()!.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    public static string Hex(long value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>The native binary of the npm package (as the AppHost runs it), from the repository's <c>node_modules</c>.</summary>
    private static string Binary()
    {
        var root = RepositoryRoot();
        var arch = RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "arm64" : "amd64";
        var platform = OperatingSystem.IsMacOS() ? "darwin" : "linux";
        var native = Path.Combine(root, "node_modules", "@foundry-rs", $"anvil-{platform}-{arch}", "bin", "anvil");
        var binary = File.Exists(native) ? native : Path.Combine(root, "node_modules", ".bin", "anvil");
        return File.Exists(binary)
            ? binary
            : throw new InvalidOperationException($"anvil is not installed under {root}/node_modules: run the bench as `./nft bench indexer`, which installs it.");
    }

    /// <summary>The nearest directory up from the current one that holds the solution.</summary>
    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NftMarketplace.sln")))
            {
                return directory.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }

    internal static int FreePort()
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
