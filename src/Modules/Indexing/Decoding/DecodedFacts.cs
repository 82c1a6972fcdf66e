using NftMarketplace.BuildingBlocks.Messaging;
using NftMarketplace.Modules.Indexing.Contracts;

namespace NftMarketplace.Modules.Indexing.Decoding;

/// <summary>The facts decoded from one block range, by the event that will carry them, each list in chain order.</summary>
internal sealed class DecodedFacts
{
    public List<CreatedCollection> Created { get; } = [];

    public List<TokenTransfer> Mints { get; } = [];

    public List<TokenTransfer> Transfers { get; } = [];

    public List<MetadataChange> Metadata { get; } = [];

    public List<SettingChange> Settings { get; } = [];

    public List<ApprovalChange> Approvals { get; } = [];

    public int Count => Created.Count + Mints.Count + Transfers.Count + Metadata.Count + Settings.Count + Approvals.Count;

    /// <summary>
    /// Adds the integration events for the range [<paramref name="fromBlock"/>, <paramref name="toBlock"/>] to
    /// <paramref name="sink"/>: one per kind that has facts, or several when a kind has more than
    /// <paramref name="maxPerMessage"/> facts, cut at block boundaries (a block's facts are never split), each then
    /// naming the blocks its facts span. Returns how many events it added.
    /// </summary>
    public int Publish(IEventSink sink, string chainId, long fromBlock, long toBlock, int maxPerMessage)
    {
        ArgumentNullException.ThrowIfNull(sink);
        return Emit(Created, c => c.Position.BlockNumber, (f, t, items) => sink.Add(new CollectionsCreated(chainId, f, t, items)))
            + Emit(Mints, c => c.Position.BlockNumber, (f, t, items) => sink.Add(new TokensMinted(chainId, f, t, items)))
            + Emit(Transfers, c => c.Position.BlockNumber, (f, t, items) => sink.Add(new TokensTransferred(chainId, f, t, items)))
            + Emit(Metadata, c => c.Position.BlockNumber, (f, t, items) => sink.Add(new MetadataChanged(chainId, f, t, items)))
            + Emit(Settings, c => c.Position.BlockNumber, (f, t, items) => sink.Add(new CollectionSettingsChanged(chainId, f, t, items)))
            + Emit(Approvals, c => c.Position.BlockNumber, (f, t, items) => sink.Add(new ApprovalsChanged(chainId, f, t, items)));

        int Emit<T>(List<T> facts, Func<T, long> block, Action<long, long, IReadOnlyList<T>> add)
        {
            var chunks = Chunk(facts, block, maxPerMessage);
            foreach (var chunk in chunks)
            {
                add(chunks.Count == 1 ? fromBlock : block(chunk[0]), chunks.Count == 1 ? toBlock : block(chunk[^1]), chunk);
            }

            return chunks.Count;
        }
    }

    /// <summary>Splits facts in chain order into chunks of at most <paramref name="max"/>, never splitting a block (unless one block alone has more).</summary>
    internal static List<List<T>> Chunk<T>(IReadOnlyList<T> facts, Func<T, long> block, int max)
    {
        var chunks = new List<List<T>>();
        var current = new List<T>();
        var index = 0;
        while (index < facts.Count)
        {
            var blockNumber = block(facts[index]);
            var end = index;
            while (end < facts.Count && block(facts[end]) == blockNumber)
            {
                end++;
            }

            if (current.Count > 0 && current.Count + (end - index) > max)
            {
                chunks.Add(current);
                current = [];
            }

            for (var i = index; i < end; i++)
            {
                current.Add(facts[i]);
            }

            index = end;
        }

        if (current.Count > 0)
        {
            chunks.Add(current);
        }

        return chunks;
    }
}

/// <summary>Where decoded events go: the outbox of the transaction that stores their range.</summary>
internal interface IEventSink
{
    void Add<TEvent>(TEvent @event)
        where TEvent : IIntegrationEvent;
}
