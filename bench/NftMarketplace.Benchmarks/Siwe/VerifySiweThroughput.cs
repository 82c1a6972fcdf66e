using System.Globalization;
using Nethereum.Signer;

namespace NftMarketplace.Benchmarks.Siwe;

/// <summary>What <see cref="VerifySiweThroughput"/> measured: sign-ins over HTTP and raw recovery of the same signatures.</summary>
internal sealed record VerifySiweResults(
    ThroughputSample OneAtATime,
    ThroughputSample Concurrent,
    ThroughputSample RawOneThread,
    ThroughputSample RawParallel);

/// <summary>
/// <c>verifySiwe</c> end to end over real HTTP — parsing, rules, nonce in Redis and Postgres, recovery, user, wallet,
/// session, JWT, outbox — against raw secp256k1 recovery of the same signatures, with the same parallelism, in the
/// same process.
/// </summary>
internal static class VerifySiweThroughput
{
    /// <summary>Passes over the signatures for the raw baseline: one pass is too short to time well.</summary>
    private const int RawPasses = 5;

    /// <param name="count">Sign-ins measured at <paramref name="concurrency"/>.</param>
    /// <param name="logFile">Where the in-process host logs.</param>
    /// <exception cref="InvalidOperationException">The host did not start, or a sign-in failed.</exception>
    public static async Task<VerifySiweResults> RunAsync(StackEndpoints stack, int count, int concurrency, string logFile, TextWriter progress)
    {
        await using var host = await BenchHost.StartAsync(stack, logFile);
        using var client = new SiweGraphQLClient(host.GraphQL);

        var warmUp = Math.Clamp(count / 10, 1, 200);
        var oneAtATime = Math.Clamp(count / 4, 1, 500);
        await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  host up at {host.GraphQL}; issuing {warmUp + oneAtATime + count:#,0} nonces and signing the messages (not measured)…"));
        var signed = await PrepareAsync(client, warmUp + oneAtATime + count, concurrency);
        var requests = signed.Select(SiweGraphQLClient.VerifyRequest).ToArray();

        // Before the sign-ins, not after: then the host's background work (outbox relays publishing the sign-ins'
        // events) would run during the baseline and flatter the ratio.
        await progress.WriteLineAsync("  measuring raw recovery of the signatures the concurrent sign-ins send…");
        var raw = signed[(warmUp + oneAtATime)..].Select(RawRecovery.Of).ToArray();
        ThroughputSample.Measure("warm-up", raw.Length, 1, i => raw[i].RecoverOrThrow());
        var rawOneThread = ThroughputSample.Measure(
            "raw NBitcoin recovery, 1 thread", raw.Length * RawPasses, 1, i => raw[i % raw.Length].RecoverOrThrow());
        var rawParallel = ThroughputSample.Measure(
            Concurrently("raw NBitcoin recovery", concurrency), raw.Length * RawPasses, concurrency, i => raw[i % raw.Length].RecoverOrThrow());

        await progress.WriteLineAsync("  measuring verifySiwe…");
        // JIT, connection pools and caches: the first sign-ins would count what a running server has behind it.
        await ThroughputSample.MeasureAsync("warm-up", warmUp, concurrency, i => client.VerifyAsync(requests[i]));
        var sequential = await ThroughputSample.MeasureAsync(
            "verifySiwe over HTTP, 1 at a time", oneAtATime, 1, i => client.VerifyAsync(requests[warmUp + i]));
        var concurrent = await ThroughputSample.MeasureAsync(
            Concurrently("verifySiwe over HTTP", concurrency), count, concurrency, i => client.VerifyAsync(requests[warmUp + oneAtATime + i]));

        await progress.WriteLineAsync("  host log: " + host.Log.Describe());
        return new VerifySiweResults(sequential, concurrent, rawOneThread, rawParallel);
    }

    private static string Concurrently(string scenario, int concurrency) =>
        string.Create(CultureInfo.InvariantCulture, $"{scenario}, {concurrency} concurrent");

    /// <summary>A nonce per fresh key and the message it signs, as the frontend would before <c>verifySiwe</c>.</summary>
    private static async Task<SignedSiweMessage[]> PrepareAsync(SiweGraphQLClient client, int count, int concurrency)
    {
        await WaitUntilSignInOpensAsync(client);
        var signed = new SignedSiweMessage[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, _) =>
        {
            var key = EthECKey.GenerateKey();
            var (nonce, error) = await client.TryRequestNonceAsync(SignedSiweMessage.AccountIdOf(key));
            signed[i] = SignedSiweMessage.Create(
                key, nonce ?? throw new InvalidOperationException("signInSiwe gave no nonce: " + error), DateTimeOffset.UtcNow);
        });
        return signed;
    }

    /// <summary>
    /// Sign-in opens once the dev chain is registered, which the stack's Host does in the background after start-up.
    /// </summary>
    private static async Task WaitUntilSignInOpensAsync(SiweGraphQLClient client)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (true)
        {
            var (nonce, error) = await client.TryRequestNonceAsync(SignedSiweMessage.AccountIdOf(EthECKey.GenerateKey()));
            if (nonce is not null)
            {
                return;
            }

            if (!error!.Contains("not registered", StringComparison.Ordinal) || DateTimeOffset.UtcNow > deadline)
            {
                throw new InvalidOperationException("signInSiwe refuses the bench's sign-ins: " + error);
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }
}
