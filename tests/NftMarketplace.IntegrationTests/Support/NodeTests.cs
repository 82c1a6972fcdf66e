using System.Diagnostics;

namespace NftMarketplace.IntegrationTests.Support;

/// <summary>Runs node tests of a folder under <c>tests/</c> (installed by ./nft test) against something these tests started.</summary>
public static class NodeTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    /// <summary>Runs <c>node --test</c> (every test file of the folder, or <paramref name="file"/>) with a time limit.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string folder, IReadOnlyDictionary<string, string> environment, string? file = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var directory = Path.Combine(Repository.Root, "tests", folder);
        Assert.True(Directory.Exists(Path.Combine(directory, "node_modules")), $"Run `npm ci` in tests/{folder} (./nft test does).");
        var start = new ProcessStartInfo("node", file is null ? ["--test", "--test-reporter=tap"] : ["--test", "--test-reporter=tap", file])
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
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(Limit);
        var stdout = node.StandardOutput.ReadToEndAsync(limit.Token);
        var stderr = node.StandardError.ReadToEndAsync(limit.Token);
        try
        {
            await node.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            throw new TimeoutException($"node --test in tests/{folder} did not finish within {Limit}.");
        }

        return (node.ExitCode, await stdout + await stderr);
    }
}
