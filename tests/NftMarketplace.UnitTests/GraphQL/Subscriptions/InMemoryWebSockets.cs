using System.IO.Pipelines;
using System.Net.WebSockets;
using NftMarketplace.GraphQL.WebSockets;

namespace NftMarketplace.UnitTests.GraphQL.Subscriptions;

/// <summary>
/// A server and a client WebSocket joined by two in-memory pipes: real framing, masking and closing handshakes without a
/// network. A pipe stops taking writes past <c>pauseWriterThreshold</c> bytes until the other side reads, as a socket
/// buffer does, so a client that does not read makes the server's sends wait.
/// </summary>
internal static class InMemoryWebSockets
{
    public static (WebSocket Server, WebSocket Client) CreatePair(long pauseWriterThreshold = 64 * 1024)
    {
        var options = new PipeOptions(pauseWriterThreshold: pauseWriterThreshold, resumeWriterThreshold: pauseWriterThreshold / 2);
        var toServer = new Pipe(options);
        var toClient = new Pipe(options);
        var server = WebSocket.CreateFromStream(
            new DuplexPipeStream(toServer.Reader, toClient.Writer),
            new WebSocketCreationOptions { IsServer = true, SubProtocol = GraphQLWs.SubProtocol, KeepAliveInterval = TimeSpan.Zero });
        var client = WebSocket.CreateFromStream(
            new DuplexPipeStream(toClient.Reader, toServer.Writer),
            new WebSocketCreationOptions { IsServer = false, SubProtocol = GraphQLWs.SubProtocol, KeepAliveInterval = TimeSpan.Zero });
        return (server, client);
    }

    private sealed class DuplexPipeStream(PipeReader input, PipeWriter output) : Stream
    {
        private readonly Stream _input = input.AsStream();
        private readonly Stream _output = output.AsStream();

        public override bool CanRead => true;

        public override bool CanWrite => true;

        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            _input.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            _input.ReadAsync(buffer, offset, count, cancellationToken);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            _output.WriteAsync(buffer, cancellationToken);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            _output.WriteAsync(buffer, offset, count, cancellationToken);

        public override Task FlushAsync(CancellationToken cancellationToken) => _output.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                // The other side then reads the end of the stream, as when a TCP connection drops.
                input.Complete();
                output.Complete();
            }

            base.Dispose(disposing);
        }
    }
}
