using System.Text;
using System.Text.Json;
using NftMarketplace.BuildingBlocks.Messaging;

namespace NftMarketplace.UnitTests.Messaging;

public sealed class EventEnvelopeTests
{
    private sealed record SampleHappened(string Contract, long Block) : IntegrationEvent, IIntegrationEvent
    {
        public static string Exchange => "sample.events";

        public static string Schema => "sample.happened";

        public static int Version => 2;

        public string RoutingKey => $"happened.{Contract}";
    }

    [Fact]
    public void The_envelope_is_one_flat_object_with_schema_and_version_first()
    {
        var @event = new SampleHappened("0xabc", 42);

        using var json = JsonDocument.Parse(EventEnvelope.Serialize(@event));
        var names = json.RootElement.EnumerateObject().Select(p => p.Name).ToList();

        Assert.Equal(["schema", "version"], names.Take(2));
        Assert.Equal("sample.happened", json.RootElement.GetProperty("schema").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("version").GetInt32());
        Assert.Equal(@event.EventId, json.RootElement.GetProperty("eventId").GetGuid());
        Assert.Equal("0xabc", json.RootElement.GetProperty("contract").GetString());
        Assert.Equal(42, json.RootElement.GetProperty("block").GetInt64());
        Assert.DoesNotContain("routingKey", names);
    }

    [Fact]
    public void An_envelope_round_trips()
    {
        var @event = new SampleHappened("0xabc", 42);

        var back = EventEnvelope.Deserialize<SampleHappened>(Encoding.UTF8.GetBytes(EventEnvelope.Serialize(@event)));

        Assert.Equal(@event, back);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("[1,2]")]
    [InlineData("""{"version":2,"contract":"0xabc"}""")]
    [InlineData("""{"schema":"other.thing","version":2}""")]
    [InlineData("""{"schema":"sample.happened","version":1}""")]
    [InlineData("""{"schema":"sample.happened","version":"2"}""")]
    [InlineData("""{"schema":"sample.happened","version":2,"block":"not a number"}""")]
    public void A_body_that_is_not_this_events_envelope_is_malformed(string body)
    {
        Assert.Throws<MalformedMessageException>(() => EventEnvelope.Deserialize<SampleHappened>(Encoding.UTF8.GetBytes(body)));
    }
}
