using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace NftMarketplace.IntegrationTests.Support;

/// <summary>
/// The real Host, built as for deployment, started as its own process with configuration in
/// environment variables only: the way a one-container deployment runs it.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private bool _disposed;

    private HostProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static HostProcess Start(IReadOnlyDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet", [HostAssemblyPath()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/');
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var host = new HostProcess(process, baseAddress);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Starts the Host and waits until it reports healthy; a Host that never does is stopped.</summary>
    public static async Task<HostProcess> StartHealthyAsync(IReadOnlyDictionary<string, string?> environment)
    {
        var host = Start(environment);
        try
        {
            (await host.WaitUntilHealthyAsync()).Dispose();
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits for <c>/health</c> to answer 200 and returns its report.</summary>
    public async Task<JsonDocument> WaitUntilHealthyAsync(TimeSpan? timeout = null)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
        var body = await Eventually.Until(
            async () =>
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"The Host exited with {_process.ExitCode}:\n{Output}");
                }

                try
                {
                    using var response = await http.GetAsync("health");
                    return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync() : null;
                }
                catch (HttpRequestException)
                {
                    return null;
                }
                catch (TaskCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
                {
                    // One probe slower than its time-out (a busy machine, a Host still starting): not healthy yet.
                    return null;
                }
            },
            body => body is not null,
            "the Host to report healthy",
            timeout ?? TimeSpan.FromSeconds(180));
        return JsonDocument.Parse(body!);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    /// <summary>Asks the Host to stop as an orchestrator does (SIGTERM) and waits for it.</summary>
    public async Task<int> StopAsync()
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        return await WaitForExitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Stops the Host if it runs; a second call does nothing (a fixture whose start failed disposes it twice).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The Host built in the same configuration as these tests (Debug or Release).</summary>
    private static string HostAssemblyPath()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var path = Path.Combine(Repository.Root, "src", "Host", "bin", configuration, framework, "NftMarketplace.Host.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the Host first.", path);
    }
}
