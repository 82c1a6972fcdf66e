using System.Text.Json;
using System.Text.Json.Nodes;

namespace NftMarketplace.BuildingBlocks.Messaging;

/// <summary>
/// The wire form of an integration event: <c>{schema, version, eventId, occurredAt, ...payload}</c>,
/// one flat JSON object in camelCase.
/// </summary>
public static class EventEnvelope
{
    public const string ContentType = "application/json";

    public static JsonSerializerOptions SerializerOptions { get; } = new(JsonSerializerDefaults.Web);

    public static string Serialize<TEvent>(TEvent @event)
        where TEvent : IIntegrationEvent
    {
        var payload = JsonSerializer.SerializeToNode(@event, SerializerOptions)!.AsObject();
        payload.Remove("routingKey");
        var envelope = new JsonObject
        {
            ["schema"] = TEvent.Schema,
            ["version"] = TEvent.Version,
        };
        foreach (var (key, value) in payload.ToList())
        {
            payload.Remove(key);
            envelope[key] = value;
        }

        return envelope.ToJsonString(SerializerOptions);
    }

    /// <summary>Reads an envelope back into its event, checking that schema and version are the ones expected.</summary>
    /// <exception cref="MalformedMessageException">The body is not a well-formed envelope of <typeparamref name="TEvent"/>.</exception>
    public static TEvent Deserialize<TEvent>(ReadOnlySpan<byte> body)
        where TEvent : IIntegrationEvent
    {
        JsonObject envelope;
        try
        {
            envelope = JsonNode.Parse(body)?.AsObject() ?? throw new MalformedMessageException("The message body is JSON null.");
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw new MalformedMessageException("The message body is not a JSON object.", ex);
        }

        var schema = envelope["schema"]?.GetValueKind() == JsonValueKind.String ? envelope["schema"]!.GetValue<string>() : null;
        if (schema != TEvent.Schema)
        {
            throw new MalformedMessageException($"Expected schema '{TEvent.Schema}' but the message says '{schema ?? "(none)"}'.");
        }

        var version = envelope["version"]?.GetValueKind() == JsonValueKind.Number ? envelope["version"]!.GetValue<int>() : 0;
        if (version != TEvent.Version)
        {
            throw new MalformedMessageException($"Expected version {TEvent.Version} of '{TEvent.Schema}' but the message has version {version}.");
        }

        try
        {
            return envelope.Deserialize<TEvent>(SerializerOptions)
                ?? throw new MalformedMessageException("The message payload is empty.");
        }
        catch (JsonException ex)
        {
            throw new MalformedMessageException($"The payload does not match '{TEvent.Schema}' v{TEvent.Version}: {ex.Message}", ex);
        }
    }
}

/// <summary>A message that can never be handled, however often it is retried.</summary>
public sealed class MalformedMessageException(string message, Exception? inner = null) : Exception(message, inner);
