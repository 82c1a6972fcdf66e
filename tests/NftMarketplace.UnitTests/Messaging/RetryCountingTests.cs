using System.Text;
using NftMarketplace.BuildingBlocks.Messaging;

namespace NftMarketplace.UnitTests.Messaging;

public sealed class RetryCountingTests
{
    private static Dictionary<string, object?> Death(string queue, string reason, long count) => new()
    {
        ["queue"] = Encoding.UTF8.GetBytes(queue),
        ["reason"] = Encoding.UTF8.GetBytes(reason),
        ["count"] = count,
        ["exchange"] = Encoding.UTF8.GetBytes("dlx.events"),
    };

    [Fact]
    public void A_first_delivery_has_no_previous_rejections()
    {
        Assert.Equal(0, RabbitMqConsumerHost.PreviousRejections(null, "q"));
        Assert.Equal(0, RabbitMqConsumerHost.PreviousRejections(new Dictionary<string, object?>(), "q"));
    }

    [Fact]
    public void Rejections_are_counted_from_the_consumer_queues_own_death_record()
    {
        var headers = new Dictionary<string, object?>
        {
            // The retry queue's expiries are not attempts; only rejections out of "q" are.
            ["x-death"] = new List<object> { Death("q.retry", "expired", 2), Death("q", "rejected", 2), Death("other", "rejected", 9) },
        };

        Assert.Equal(2, RabbitMqConsumerHost.PreviousRejections(headers, "q"));
    }

    [Fact]
    public void A_message_dead_lettered_for_another_reason_has_no_rejections()
    {
        var headers = new Dictionary<string, object?> { ["x-death"] = new List<object> { Death("q", "expired", 3) } };

        Assert.Equal(0, RabbitMqConsumerHost.PreviousRejections(headers, "q"));
    }

    [Fact]
    public void Derived_queue_names_follow_the_topology()
    {
        Assert.Equal("subs.auth.logged_in.retry", QueueNames.Retry("subs.auth.logged_in"));
        Assert.Equal("subs.auth.logged_in.parking", QueueNames.Parking("subs.auth.logged_in"));
        Assert.Equal("retry.subs.auth.logged_in", QueueNames.RetryRoutingKey("subs.auth.logged_in"));
        Assert.Equal("parking.subs.auth.logged_in", QueueNames.ParkingRoutingKey("subs.auth.logged_in"));
    }
}
