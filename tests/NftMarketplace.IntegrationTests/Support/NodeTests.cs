using System.Diagnostics;

namespace NftMarketplace.IntegrationTests.Support;

/// <summary>Runs a folder of node tests (tests/&lt;folder&gt;, installed by ./nft test) against something these tests started.</summary>
public static class NodeTests
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string folder, IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var directory = Path.Combine(RepositoryRoot(), "tests", folder);
        Assert.True(Directory.Exists(Path.Combine(directory, "node_modules")), $"Run `npm ci` in tests/{folder} (./nft test does).");
        var start = new ProcessStartInfo("node", ["--test"])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var node = Process.Start(start)!;
        var stdout = node.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = node.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await node.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (node.ExitCode, await stdout + await stderr);
    }

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NftMarketplace.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("NftMarketplace.sln not found above the test binaries.");
    }
}
