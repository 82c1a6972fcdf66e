using System.Globalization;
using Microsoft.Extensions.Options;
using NftMarketplace.BuildingBlocks.Errors;
using StackExchange.Redis;

namespace NftMarketplace.Modules.Media.Uploads;

/// <summary>
/// Files and bytes a user may upload per window, counted in Redis so every replica shares them (fixed windows: a key
/// per user and window, expiring with it). A request is counted whole before any file is processed, and refused whole
/// with RATE_LIMITED when it would pass either limit (refused requests are not counted). Fails open when Redis is
/// down: the transport's per-user request rate still applies.
/// </summary>
internal sealed class UploadQuota(IConnectionMultiplexer redis, IOptions<UploadQuotaOptions> options, TimeProvider time)
{
    // Adds the request, keeps it only when both counts stay within their limits: one round trip, atomic.
    private const string Script = """
        local files = redis.call('HINCRBY', KEYS[1], 'files', ARGV[1])
        local bytes = redis.call('HINCRBY', KEYS[1], 'bytes', ARGV[2])
        redis.call('PEXPIRE', KEYS[1], ARGV[5])
        if files > tonumber(ARGV[3]) or bytes > tonumber(ARGV[4]) then
          redis.call('HINCRBY', KEYS[1], 'files', -tonumber(ARGV[1]))
          redis.call('HINCRBY', KEYS[1], 'bytes', -tonumber(ARGV[2]))
          return 0
        end
        return 1
        """;

    public static string Key(Guid userId, long window) => string.Create(CultureInfo.InvariantCulture, $"media:quota:{userId:D}:{window}");

    public async Task ReserveAsync(Guid userId, int files, long bytes)
    {
        var settings = options.Value;
        var windowMs = (long)settings.Window.TotalMilliseconds;
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var window = now / windowMs;
        RedisResult result;
        try
        {
            result = await redis.GetDatabase().ScriptEvaluateAsync(Script, [Key(userId, window)],
                [files, bytes, settings.FilesPerWindow, settings.BytesPerWindow, windowMs]).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            return;
        }

        if ((int)result == 0)
        {
            var retryAfter = TimeSpan.FromMilliseconds(windowMs - (now % windowMs));
            throw new AppException(ErrorCode.RateLimited, string.Create(CultureInfo.InvariantCulture,
                $"Upload quota reached ({settings.FilesPerWindow} files or {settings.BytesPerWindow} bytes per {settings.Window}); try again in {Math.Ceiling(retryAfter.TotalSeconds)} s."));
        }
    }
}
