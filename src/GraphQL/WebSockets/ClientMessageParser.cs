using System.Text.Json;
using GraphQL;
using NftMarketplace.GraphQL.Http;

namespace NftMarketplace.GraphQL.WebSockets;

/// <summary>
/// Reads one text frame into a <see cref="ClientMessage"/>, checking it the way the graphql-ws reference
/// implementation does: a JSON object with a known <c>type</c>, a non-empty string <c>id</c> where one is needed,
/// and payload fields of the right kinds. Unknown extra fields are ignored.
/// </summary>
internal sealed class ClientMessageParser(IGraphQLSerializer serializer)
{
    /// <exception cref="InvalidClientMessageException">The frame is not a valid client message.</exception>
    public ClientMessage Parse(ReadOnlyMemory<byte> utf8)
    {
        var document = RequestJson.TryParse(utf8, out var problem) ?? throw Invalid(problem!);

        // Whatever the message keeps is copied out (payloads cloned, variables converted), so the frame's memory can be reused.
        using (document)
        {
            return Read(document.RootElement);
        }
    }

    private ClientMessage Read(JsonElement message)
    {
        if (message.ValueKind != JsonValueKind.Object)
        {
            throw Invalid("not a JSON object");
        }

        if (!message.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() is not { Length: > 0 } name)
        {
            throw Invalid("no string 'type'");
        }

        return name switch
        {
            GraphQLWs.MessageTypes.ConnectionInit => new ClientMessage(ClientMessageType.ConnectionInit) { Payload = OptionalObject(message, name) },
            GraphQLWs.MessageTypes.Ping => new ClientMessage(ClientMessageType.Ping) { Payload = OptionalObject(message, name) },
            GraphQLWs.MessageTypes.Pong => new ClientMessage(ClientMessageType.Pong) { Payload = OptionalObject(message, name) },
            GraphQLWs.MessageTypes.Subscribe => new ClientMessage(ClientMessageType.Subscribe, RequiredId(message, name)) { Operation = ReadOperation(message) },
            GraphQLWs.MessageTypes.Complete => new ClientMessage(ClientMessageType.Complete, RequiredId(message, name)),
            _ => throw Invalid("a type a client may not send"),
        };
    }

    private SubscribePayload ReadOperation(JsonElement message)
    {
        if (!message.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object)
        {
            throw Invalid("'subscribe' needs an object 'payload'");
        }

        if (!payload.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String)
        {
            throw Invalid("'subscribe' needs a string 'payload.query'");
        }

        return new SubscribePayload(query.GetString()!, OptionalString(payload, "operationName"), OptionalInputs(payload, "variables"), OptionalInputs(payload, "extensions"));
    }

    private static string RequiredId(JsonElement message, string type) =>
        message.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } value
            ? value
            : throw Invalid($"'{type}' needs a non-empty string 'id'");

    private static JsonElement? OptionalObject(JsonElement message, string type) =>
        !message.TryGetProperty("payload", out var payload) ? null : payload.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.Object => payload.Clone(),
            _ => throw Invalid($"the 'payload' of '{type}' must be an object or null"),
        };

    private static string? OptionalString(JsonElement payload, string name) =>
        !payload.TryGetProperty(name, out var value) ? null : value.ValueKind switch
        {
            JsonValueKind.Null => null,
            // GraphQL over HTTP's convention: an empty operation name is how a client says "none".
            JsonValueKind.String => value.GetString() is { Length: > 0 } text ? text : null,
            _ => throw Invalid($"'payload.{name}' must be a string or null"),
        };

    private Inputs? OptionalInputs(JsonElement payload, string name) =>
        !payload.TryGetProperty(name, out var value) ? null : value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.Object => serializer.ReadNode<Inputs>(value),
            _ => throw Invalid($"'payload.{name}' must be an object or null"),
        };

    private static InvalidClientMessageException Invalid(string reason) => new("Invalid message: " + reason);
}
