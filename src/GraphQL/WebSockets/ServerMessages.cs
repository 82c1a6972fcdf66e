using System.Buffers;
using System.Text.Json;
using GraphQL;

namespace NftMarketplace.GraphQL.WebSockets;

/// <summary>
/// The frames the server sends, as UTF-8 JSON ready to write. Results and errors go through the engine's serializer,
/// so their errors carry the same <c>extensions.code</c> as over HTTP.
/// </summary>
internal sealed class ServerMessages(IGraphQLTextSerializer serializer)
{
    public static byte[] ConnectionAck { get; } = Frame(GraphQLWs.MessageTypes.ConnectionAck);

    public static byte[] Ping { get; } = Frame(GraphQLWs.MessageTypes.Ping);

    public static byte[] Pong(JsonElement? payload) =>
        Write(writer =>
        {
            writer.WriteString("type", GraphQLWs.MessageTypes.Pong);
            if (payload is { } value)
            {
                writer.WritePropertyName("payload");
                value.WriteTo(writer);
            }
        });

    public static byte[] Complete(string id) =>
        Write(writer =>
        {
            writer.WriteString("id", id);
            writer.WriteString("type", GraphQLWs.MessageTypes.Complete);
        });

    public byte[] Next(string id, ExecutionResult result) => WithPayload(id, GraphQLWs.MessageTypes.Next, serializer.Serialize(result));

    /// <summary>An <c>error</c> message: the operation failed before or while it ran, and nothing more follows for it.</summary>
    public byte[] Error(string id, IEnumerable<ExecutionError> errors) =>
        WithPayload(id, GraphQLWs.MessageTypes.Error, serializer.Serialize<IReadOnlyList<ExecutionError>>([.. errors]));

    private static byte[] WithPayload(string id, string type, string payloadJson) =>
        Write(writer =>
        {
            writer.WriteString("id", id);
            writer.WriteString("type", type);
            writer.WritePropertyName("payload");
            writer.WriteRawValue(payloadJson, skipInputValidation: true);
        });

    private static byte[] Frame(string type) => Write(writer => writer.WriteString("type", type));

    private static byte[] Write(Action<Utf8JsonWriter> properties)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            properties(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
