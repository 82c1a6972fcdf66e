using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.Messaging.Probe;
using NftMarketplace.IntegrationTests.Support;
using Npgsql;

namespace NftMarketplace.IntegrationTests.Messaging;

/// <summary>
/// The relay is woken by commits that add messages, and only by those: with a poll interval of ten minutes an event is
/// still published at once, and the relay's own commits (marking messages published) do not keep it polling.
/// </summary>
public sealed class OutboxSignalTests(InfrastructureFixture infrastructure) : IsolatedTest(infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_commit_adding_a_message_wakes_the_relay_and_the_relays_own_commits_do_not()
    {
        var calls = new HandlerCalls();
        await using var host = await RunningHost.StartAsync(ProbeHost.Build(
            Infrastructure, Environment, calls, settings: new Dictionary<string, string?> { ["Outbox:PollInterval"] = "00:10:00" }));

        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RecordThing("wake up"), Ct);
        }

        // Published and handled long before the next poll could have found it.
        await Eventually.Until(EffectCountAsync, count => count == 1, "the event handled", TimeSpan.FromSeconds(30));
        var scansAfterPublishing = await OutboxScansAsync();
        // A busy relay would scan its outbox hundreds of times in this second; an idle one not at all.
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        Assert.InRange(await OutboxScansAsync() - scansAfterPublishing, 0, 10);

        async Task<int> EffectCountAsync()
        {
            await using var scope = host.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ProbeDbContext>().Effects.CountAsync(Ct);
        }
    }

    /// <summary>Sequential and index scans of the probe's outbox table so far (Postgres statistics).</summary>
    private async Task<long> OutboxScansAsync()
    {
        await using var connection = new NpgsqlConnection(Environment.DatabaseConnectionString);
        await connection.OpenAsync(Ct);
        // Statistics are flushed by backends at most every second; ask for a fresh snapshot of this one.
        await using (var clear = new NpgsqlCommand("SELECT pg_stat_clear_snapshot()", connection))
        {
            await clear.ExecuteNonQueryAsync(Ct);
        }

        await using var command = new NpgsqlCommand(
            "SELECT coalesce(sum(seq_scan + coalesce(idx_scan, 0)), 0)::bigint FROM pg_stat_user_tables WHERE relname = 'outbox_messages' AND schemaname = @schema",
            connection);
        command.Parameters.AddWithValue("schema", ProbeDbContext.SchemaName);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}
