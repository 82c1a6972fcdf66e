namespace NftMarketplace.Modules.Indexing.Following;

/// <summary>
/// The block span of the next <c>eth_getLogs</c>: providers cap a request by blocks, results or response size, and
/// say so with an error rather than a header. A refused range is split in two (and the size halved); a range that
/// came back with few logs lets the size double, up to the maximum; one with too many halves it. Thread-safe: the
/// concurrent requests of a follower share one.
/// </summary>
internal sealed class RangeSizer(int initial, int max, int targetLogs)
{
    private int _size = Math.Clamp(initial, 1, max);

    public int Size => Volatile.Read(ref _size);

    /// <summary>A request over <paramref name="span"/> blocks returned <paramref name="logs"/> logs.</summary>
    public void Succeeded(int span, int logs)
    {
        if (logs > targetLogs)
        {
            Set(Math.Max(1, span / 2));
        }
        else if (logs <= targetLogs / 4 && span >= Size)
        {
            Set(Math.Min(max, Size * 2));
        }
    }

    /// <summary>
    /// A request over [<paramref name="from"/>, <paramref name="to"/>] was refused as too large: its two halves, and
    /// the size no larger than a half. Null when it is a single block, which cannot be split.
    /// </summary>
    public (long From, long To)[]? Split(long from, long to)
    {
        if (to <= from)
        {
            return null;
        }

        var middle = from + ((to - from) / 2);
        Set((int)Math.Min(Size, Math.Max(1, middle - from + 1)));
        return [(from, middle), (middle + 1, to)];
    }

    /// <summary>
    /// [<paramref name="from"/>, <paramref name="to"/>] in consecutive windows of the current size, or smaller ones so
    /// that there are at least <paramref name="parallel"/> of them to request at once.
    /// </summary>
    public List<(long From, long To)> Windows(long from, long to, int parallel = 1)
    {
        var span = to - from + 1;
        var size = (int)Math.Max(1, Math.Min(Size, (span + parallel - 1) / Math.Max(1, parallel)));
        var windows = new List<(long, long)>();
        for (var start = from; start <= to; start += size)
        {
            windows.Add((start, Math.Min(to, start + size - 1)));
        }

        return windows;
    }

    private void Set(int size) => Volatile.Write(ref _size, Math.Clamp(size, 1, max));
}
