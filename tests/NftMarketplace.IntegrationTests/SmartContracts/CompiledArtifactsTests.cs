using System.Diagnostics;
using NftMarketplace.IntegrationTests.Support;

namespace NftMarketplace.IntegrationTests.SmartContracts;

/// <summary>
/// The committed artifacts (what the bindings embed and deploy) are what the pinned solc makes of the committed
/// sources: <c>node scripts/compile.mjs --check</c> in src/SmartContracts, installed by <c>./nft test</c>.
/// </summary>
public sealed class CompiledArtifactsTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task The_committed_artifacts_match_the_solidity_sources()
    {
        var directory = Path.Combine(Repository.Root, "src", "SmartContracts");
        Assert.True(Directory.Exists(Path.Combine(directory, "node_modules", "solc")), "Run `npm ci` in src/SmartContracts (./nft test does).");
        var start = new ProcessStartInfo("node", ["scripts/compile.mjs", "--check"])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Timeout);
        using var node = Process.Start(start)!;
        var stdout = node.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = node.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await node.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            throw;
        }

        var output = await stdout + await stderr;
        Assert.True(node.ExitCode == 0, output);
        Assert.Contains("artifacts/ matches the sources", output, StringComparison.Ordinal);
    }
}
