using System.Net;
using Microsoft.Extensions.Options;
using NftMarketplace.GraphQL.Configuration;
using NftMarketplace.GraphQL.Limits;

namespace NftMarketplace.GraphQL.WebSockets;

/// <summary>
/// Counts the open WebSockets per IP address (IPv6 per /64, as <see cref="RateLimitKey"/> does) and refuses one more
/// past <see cref="GraphQLRateLimitOptions.MaxSocketsPerIp"/>: the rate limit bounds what sockets send, this bounds
/// how many a caller may hold open doing nothing.
/// </summary>
internal sealed class OpenSocketLimit(IOptions<GraphQLOptions> options)
{
    private readonly int _maxPerAddress = options.Value.RateLimit.MaxSocketsPerIp;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _open = [];

    /// <summary>A slot for one more socket of <paramref name="remoteAddress"/>, freed when disposed; null when it holds its maximum.</summary>
    public IDisposable? TryOpen(IPAddress? remoteAddress)
    {
        var key = RateLimitKey.For(user: null, remoteAddress).Value;
        lock (_gate)
        {
            var open = _open.GetValueOrDefault(key);
            if (open >= _maxPerAddress)
            {
                return null;
            }

            _open[key] = open + 1;
        }

        return new Slot(this, key);
    }

    /// <summary>Sockets <paramref name="remoteAddress"/> holds open now.</summary>
    public int OpenCount(IPAddress? remoteAddress)
    {
        lock (_gate)
        {
            return _open.GetValueOrDefault(RateLimitKey.For(user: null, remoteAddress).Value);
        }
    }

    private void Release(string key)
    {
        lock (_gate)
        {
            // Entries go when their last socket closes, so the map holds only addresses with sockets open.
            if (--_open[key] == 0)
            {
                _open.Remove(key);
            }
        }
    }

    private sealed class Slot(OpenSocketLimit limit, string key) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                limit.Release(key);
            }
        }
    }
}
