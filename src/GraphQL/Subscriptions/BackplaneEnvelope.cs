namespace NftMarketplace.GraphQL.Subscriptions;

/// <summary>
/// An event as it crosses replicas: a format version, the publishing replica's id (so it can skip its own events,
/// which it has already delivered) and the JSON payload.
/// </summary>
internal static class BackplaneEnvelope
{
    private const byte Version = 1;
    private const int OriginLength = 16;
    private const int HeaderLength = 1 + OriginLength;

    public static byte[] Wrap(Guid origin, ReadOnlySpan<byte> payload)
    {
        var envelope = new byte[HeaderLength + payload.Length];
        envelope[0] = Version;
        origin.TryWriteBytes(envelope.AsSpan(1, OriginLength));
        payload.CopyTo(envelope.AsSpan(HeaderLength));
        return envelope;
    }

    /// <returns>False for an envelope of another format; <paramref name="origin"/> and <paramref name="payload"/> otherwise.</returns>
    public static bool TryUnwrap(ReadOnlyMemory<byte> envelope, out Guid origin, out ReadOnlyMemory<byte> payload)
    {
        if (envelope.Length < HeaderLength || envelope.Span[0] != Version)
        {
            origin = Guid.Empty;
            payload = default;
            return false;
        }

        origin = new Guid(envelope.Span.Slice(1, OriginLength));
        payload = envelope[HeaderLength..];
        return true;
    }
}
