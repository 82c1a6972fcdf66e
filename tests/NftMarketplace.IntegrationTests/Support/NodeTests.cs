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
        string[] arguments = file is null ? ["--test", "--test-reporter=tap"] : ["--test", "--test-reporter=tap", file];
        return await RunNodeAsync(directory, arguments, environment, Limit, $"node --test in tests/{folder}");
    }

    /// <summary>Runs <c>node</c> with <paramref name="arguments"/> in <paramref name="directory"/>, killed past <paramref name="limit"/>.</summary>
    public static async Task<(int ExitCode, string Output)> RunNodeAsync(
        string directory, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan limit, string what)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo("node", arguments)
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
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(limit);
        var stdout = node.StandardOutput.ReadToEndAsync(cancel.Token);
        var stderr = node.StandardError.ReadToEndAsync(cancel.Token);
        try
        {
            await node.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            throw new TimeoutException($"{what} did not finish within {limit}.");
        }

        return (node.ExitCode, await stdout + await stderr);
    }
}
