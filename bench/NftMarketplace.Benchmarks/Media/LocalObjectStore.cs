using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using NftMarketplace.BuildingBlocks.Storage;

namespace NftMarketplace.Benchmarks.Media;

/// <summary>
/// The S3 server of the process-mode stack (npm <c>s3rver</c>, from the repository's <c>node_modules</c>) on a free
/// loopback port with a temporary directory, and a client configured as the application's, so the bench stores objects
/// the way an upload does without a running stack. Removed with its data when disposed.
/// </summary>
internal sealed class LocalObjectStore : IDisposable
{
    private const string Bucket = "media";
    private const string Key = "S3RVER";

    private readonly Process _server;
    private readonly string _directory;

    private LocalObjectStore(Process server, string directory, ObjectStorageOptions options)
    {
        _server = server;
        _directory = directory;
        Options = options;
        Client = new AmazonS3Client(new BasicAWSCredentials(Key, Key), new AmazonS3Config
        {
            ServiceURL = options.Endpoint.ToString(),
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });
    }

    public ObjectStorageOptions Options { get; }

    public IAmazonS3 Client { get; }

    /// <summary>The started server, or null (with the reason) when <c>node_modules/.bin/s3rver</c> is not installed.</summary>
    public static async Task<(LocalObjectStore? Store, string? Missing)> StartAsync()
    {
        var s3rver = Path.Combine(RepositoryRoot(), "node_modules", ".bin", "s3rver");
        if (!File.Exists(s3rver))
        {
            return (null, $"{s3rver} is missing (npm ci at the repository root)");
        }

        var port = FreePort();
        var directory = Directory.CreateTempSubdirectory("nft-bench-s3-").FullName;
        var start = new ProcessStartInfo(s3rver, ["-d", directory, "-a", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "--configure-bucket", Bucket])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var server = Process.Start(start) ?? throw new InvalidOperationException("s3rver did not start.");
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        var store = new LocalObjectStore(server, directory, new ObjectStorageOptions(new Uri($"http://127.0.0.1:{port}"), Key, Key, Bucket));
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await store.Client.GetBucketLocationAsync(new GetBucketLocationRequest { BucketName = Bucket });
                return (store, null);
            }
            catch (Exception ex) when (ex is AmazonServiceException or HttpRequestException && deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(100);
            }
        }
    }

    public void Dispose()
    {
        Client.Dispose();
        if (!_server.HasExited)
        {
            _server.Kill(entireProcessTree: true);
            _server.WaitForExit(5000);
        }

        _server.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NftMarketplace.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
