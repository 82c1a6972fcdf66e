using NftMarketplace.BuildingBlocks.Messaging;
using NftMarketplace.BuildingBlocks.Outbox;

namespace NftMarketplace.UnitTests.Messaging;

public sealed class OutboxMessageTests
{
    private sealed record Pinged(string Target) : IntegrationEvent, IIntegrationEvent
    {
        public static string Exchange => "auth.events";

        public static string Schema => "auth.pinged";

        public static int Version => 1;

        public string RoutingKey => "pinged." + Target;
    }

    [Fact]
    public void A_message_carries_the_events_identity_and_route()
    {
        var @event = new Pinged("x");

        var message = OutboxMessage.From(@event);

        Assert.Equal(@event.EventId, message.Id);
        Assert.Equal("auth.events", message.Exchange);
        Assert.Equal("pinged.x", message.RoutingKey);
        Assert.Equal("auth.pinged", message.Schema);
        Assert.Equal(@event.OccurredAt, message.NextAttemptAt);
        Assert.Null(message.PublishedAt);
    }

    [Fact]
    public void Failed_publishes_back_off_exponentially_up_to_the_cap()
    {
        var message = OutboxMessage.From(new Pinged("x"));
        var now = DateTimeOffset.UnixEpoch;
        var cap = TimeSpan.FromSeconds(10);

        var waits = new List<TimeSpan>();
        for (var i = 0; i < 6; i++)
        {
            message.MarkFailed("broker down", now, cap);
            waits.Add(message.NextAttemptAt - now);
        }

        Assert.Equal([1, 2, 4, 8, 10, 10], waits.Select(w => w.TotalSeconds));
        Assert.Equal(6, message.Attempts);
        Assert.Equal("broker down", message.LastError);
    }

    [Fact]
    public void A_long_error_is_truncated()
    {
        var message = OutboxMessage.From(new Pinged("x"));

        message.MarkFailed(new string('e', 5000), DateTimeOffset.UnixEpoch, TimeSpan.FromMinutes(1));

        Assert.Equal(2000, message.LastError!.Length);
    }
}
