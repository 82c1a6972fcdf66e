using System.Data.Common;
using System.Globalization;
using System.Numerics;
using NftMarketplace.Modules.Catalog.Contracts;
using NftMarketplace.Modules.Catalog.Domain;

namespace NftMarketplace.Modules.Catalog.Ingestion;

/// <summary>The domain events the consumers publish through the outbox, built from the rows they wrote or deleted.</summary>
internal static class CatalogEvents
{
    /// <summary>
    /// Reads an activity row in the column order <c>tx_hash, log_index, batch_index, type, contract, token_id::text,
    /// from_address, to_address, quantity::text, block_number, block_time</c>.
    /// </summary>
    public static ActivityDto ReadActivity(string chain, DbDataReader reader)
    {
        var txHash = reader.GetString(0);
        var logIndex = reader.GetInt32(1);
        var batchIndex = reader.GetInt32(2);
        return new ActivityDto(
            ActivityId(chain, txHash, logIndex, batchIndex),
            reader.GetString(3),
            chain,
            reader.GetString(4),
            reader.IsDBNull(5) ? null : reader.GetString(5),
            reader.IsDBNull(6) ? null : reader.GetString(6),
            reader.IsDBNull(7) ? null : reader.GetString(7),
            reader.IsDBNull(8) ? null : reader.GetString(8),
            null,
            txHash,
            reader.GetInt64(9),
            logIndex,
            batchIndex,
            reader.GetFieldValue<DateTimeOffset>(10));
    }

    /// <summary>The public id of an activity: <c>{chainId}/{txHash}/{logIndex}/{batchIndex}</c>.</summary>
    public static string ActivityId(string chain, string txHash, int logIndex, int batchIndex) =>
        string.Create(CultureInfo.InvariantCulture, $"{chain}/{txHash}/{logIndex}/{batchIndex}");

    /// <summary>One message per collection, its activities in chain order.</summary>
    public static IEnumerable<ActivitiesRecorded> Activities(string chain, IEnumerable<ActivityDto> activities, bool retracted) =>
        activities
            .GroupBy(a => a.Contract, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ActivitiesRecorded(
                chain, g.Key, retracted, [.. g.OrderBy(a => a.BlockNumber).ThenBy(a => a.LogIndex).ThenBy(a => a.BatchIndex)]));

    /// <summary>One message per collection and transaction, with its distinct token ids in ascending order.</summary>
    public static IEnumerable<MintsUpserted> Mints(string chain, IEnumerable<(ActivityDto Mint, string Standard)> mints, bool retracted) =>
        mints
            .GroupBy(m => (m.Mint.Contract, m.Mint.TxHash))
            .OrderBy(g => g.Min(m => m.Mint.BlockNumber)).ThenBy(g => g.Key.Contract, StringComparer.Ordinal).ThenBy(g => g.Key.TxHash, StringComparer.Ordinal)
            .Select(g => new MintsUpserted(
                chain,
                g.Key.Contract,
                g.First().Standard,
                g.Key.TxHash,
                g.Max(m => m.Mint.BlockNumber),
                [.. g.Select(m => BigInteger.Parse(m.Mint.TokenId!, CultureInfo.InvariantCulture)).Distinct().Order()
                    .Select(id => id.ToString(CultureInfo.InvariantCulture))],
                retracted));

    /// <summary>What subscribers learn of a collection the catalog shows (or, retracted, no longer shows).</summary>
    public static CollectionUpserted Collection(Collection collection, bool retracted) =>
        new(
            collection.ChainId,
            collection.Address,
            collection.Standard,
            collection.Source,
            collection.DeployedTxHash is { } tx && tx != ZeroHash ? tx : null,
            collection.Creator,
            collection.Owner,
            collection.Name,
            collection.DeployedBlock,
            retracted);

    private static readonly string ZeroHash = "0x" + new string('0', 64);
}
