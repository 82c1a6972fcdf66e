using System.Globalization;
using System.Numerics;
using NftMarketplace.Modules.Indexing.Contracts;
using NftMarketplace.Modules.Indexing.Domain;

namespace NftMarketplace.Modules.Indexing.Decoding;

/// <summary>
/// Turns one log of a followed contract into the facts the indexer publishes. What a log can mean depends on what
/// emitted it: a factory's logs are read for <c>CollectionCreated</c> only, a collection's for the token events. A log
/// that is none of these, or whose layout does not match its signature, is kept raw only (null kind).
/// </summary>
internal static class LogDecoder
{
    private const string ZeroAddress = "0x0000000000000000000000000000000000000000";

    /// <summary>Decodes <paramref name="log"/> into <paramref name="facts"/>; returns the kind it was published as, or null.</summary>
    /// <param name="standard">What the emitting contract is (<see cref="FollowedStandards"/>).</param>
    public static string? Decode(ChainLog log, string standard, ChainPosition position, DecodedFacts facts)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(facts);
        if (log.Topic0 is not { } topic0)
        {
            return null;
        }

        try
        {
            return standard == FollowedStandards.Factory
                ? DecodeFactoryLog(log, topic0, position, facts)
                : DecodeCollectionLog(log, topic0, standard, position, facts);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string? DecodeFactoryLog(ChainLog log, string topic0, ChainPosition position, DecodedFacts facts)
    {
        if (topic0 != EventSignatures.CollectionCreated || log.Topics.Count != 3)
        {
            return null;
        }

        var data = new AbiReader(log.Data);
        var standard = data.Uint(0);
        var maxSupply = data.Uint(7);
        facts.Created.Add(new CreatedCollection(
            Address: AbiReader.TopicAddress(log.Topics[1]),
            Standard: standard.IsZero ? TokenStandards.Erc721 : standard.IsOne ? TokenStandards.Erc1155 : throw new FormatException("Unknown standard."),
            Source: CollectionSources.Factory,
            Factory: log.Address,
            Creator: AbiReader.TopicAddress(log.Topics[2]),
            // The factory makes its caller the collection's owner in the creating transaction.
            Owner: AbiReader.TopicAddress(log.Topics[2]),
            Name: data.String(1),
            Symbol: data.String(2),
            ContractUri: data.String(6),
            RoyaltyReceiver: data.Address(3),
            RoyaltyBps: (int)data.Uint(4),
            MaxSupply: maxSupply.IsZero ? null : maxSupply.ToString(CultureInfo.InvariantCulture),
            Salt: data.Bytes32(5),
            FromBlock: log.BlockNumber,
            Position: position));
        return FactKinds.CollectionCreated;
    }

    private static string? DecodeCollectionLog(ChainLog log, string topic0, string standard, ChainPosition position, DecodedFacts facts)
    {
        var topics = log.Topics;
        var contract = log.Address;
        if (topic0 == EventSignatures.Transfer && topics.Count == 4 && standard == FollowedStandards.Erc721)
        {
            EnsureEmptyData(log);
            return AddTransfer(facts, new TokenTransfer(
                contract, TokenStandards.Erc721, "", null, AbiReader.TopicAddress(topics[1]), AbiReader.TopicAddress(topics[2]),
                AbiReader.TopicUint(topics[3]), "1", 0, position));
        }

        if (topic0 == EventSignatures.TransferSingle && topics.Count == 4 && standard == FollowedStandards.Erc1155)
        {
            var data = new AbiReader(log.Data);
            return AddTransfer(facts, new TokenTransfer(
                contract, TokenStandards.Erc1155, "", AbiReader.TopicAddress(topics[1]), AbiReader.TopicAddress(topics[2]),
                AbiReader.TopicAddress(topics[3]), data.UintText(0), data.UintText(1), 0, position));
        }

        if (topic0 == EventSignatures.TransferBatch && topics.Count == 4 && standard == FollowedStandards.Erc1155)
        {
            var data = new AbiReader(log.Data);
            var ids = data.UintArray(0);
            var values = data.UintArray(1);
            if (ids.Count != values.Count)
            {
                throw new FormatException("ids and values differ in length.");
            }

            var (op, from, to) = (AbiReader.TopicAddress(topics[1]), AbiReader.TopicAddress(topics[2]), AbiReader.TopicAddress(topics[3]));
            string? kind = null;
            for (var i = 0; i < ids.Count; i++)
            {
                kind = AddTransfer(facts, new TokenTransfer(contract, TokenStandards.Erc1155, "", op, from, to, Text(ids[i]), Text(values[i]), i, position));
            }

            // An empty batch moves nothing, but it is still a log of this kind.
            return kind ?? (from == ZeroAddress ? FactKinds.Mint : FactKinds.Transfer);
        }

        if (topic0 == EventSignatures.Uri && topics.Count == 2 && standard == FollowedStandards.Erc1155)
        {
            var data = new AbiReader(log.Data);
            facts.Metadata.Add(new MetadataChange(contract, MetadataChangeKinds.Uri, AbiReader.TopicUint(topics[1]), null, null, data.String(0), position));
            return FactKinds.Metadata;
        }

        if (topic0 == EventSignatures.MetadataUpdate && topics.Count == 1)
        {
            var data = new AbiReader(log.Data);
            facts.Metadata.Add(new MetadataChange(contract, MetadataChangeKinds.Token, data.UintText(0), null, null, null, position));
            return FactKinds.Metadata;
        }

        if (topic0 == EventSignatures.BatchMetadataUpdate && topics.Count == 1)
        {
            var data = new AbiReader(log.Data);
            facts.Metadata.Add(new MetadataChange(contract, MetadataChangeKinds.Range, null, data.UintText(0), data.UintText(1), null, position));
            return FactKinds.Metadata;
        }

        if (topic0 == EventSignatures.ContractUriUpdated && topics.Count == 1)
        {
            facts.Metadata.Add(new MetadataChange(contract, MetadataChangeKinds.Contract, null, null, null, null, position));
            return FactKinds.Metadata;
        }

        if (topic0 == EventSignatures.ApprovalForAll && topics.Count == 3)
        {
            var data = new AbiReader(log.Data);
            facts.Approvals.Add(new ApprovalChange(
                AbiReader.TopicAddress(topics[1]), AbiReader.TopicAddress(topics[2]), data.Bool(0), contract,
                standard == FollowedStandards.Erc1155 ? TokenStandards.Erc1155 : TokenStandards.Erc721, position));
            return FactKinds.Approval;
        }

        if (topic0 == EventSignatures.DefaultRoyaltyUpdated && topics.Count == 1)
        {
            var data = new AbiReader(log.Data);
            var bps = data.Uint(1);
            facts.Settings.Add(new SettingChange(
                contract, SettingChangeKinds.Royalty, data.Address(0), bps <= int.MaxValue ? (int)bps : throw new FormatException("Royalty out of range."),
                null, null, null, null, position));
            return FactKinds.Setting;
        }

        if (topic0 == EventSignatures.OwnershipTransferred && topics.Count == 3)
        {
            EnsureEmptyData(log);
            facts.Settings.Add(new SettingChange(
                contract, SettingChangeKinds.Ownership, null, null, AbiReader.TopicAddress(topics[2]), AbiReader.TopicAddress(topics[1]), null, null, position));
            return FactKinds.Setting;
        }

        if ((topic0 == EventSignatures.RoleGranted || topic0 == EventSignatures.RoleRevoked) && topics.Count == 4)
        {
            EnsureEmptyData(log);
            facts.Settings.Add(new SettingChange(
                contract, topic0 == EventSignatures.RoleGranted ? SettingChangeKinds.RoleGranted : SettingChangeKinds.RoleRevoked,
                null, null, AbiReader.TopicAddress(topics[2]), null, topics[1], AbiReader.TopicAddress(topics[3]), position));
            return FactKinds.Setting;
        }

        return null;
    }

    private static string AddTransfer(DecodedFacts facts, TokenTransfer transfer)
    {
        if (transfer.From == ZeroAddress)
        {
            facts.Mints.Add(transfer with { Kind = TransferKinds.Mint });
            return FactKinds.Mint;
        }

        facts.Transfers.Add(transfer with { Kind = transfer.To == ZeroAddress ? TransferKinds.Burn : TransferKinds.Transfer });
        return FactKinds.Transfer;
    }

    private static void EnsureEmptyData(ChainLog log)
    {
        if (log.Data.Length > 2)
        {
            throw new FormatException("Data where the event has none.");
        }
    }

    private static string Text(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);
}
