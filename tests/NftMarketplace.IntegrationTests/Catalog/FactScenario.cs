using System.Globalization;
using System.Numerics;
using NftMarketplace.Modules.Indexing.Contracts;

namespace NftMarketplace.IntegrationTests.Catalog;

/// <summary>
/// Random but valid chain activity on one ERC-721 and one ERC-1155 collection — mints, transfers, burns, batch
/// transfers — as the indexer would publish it, with the state it must lead to (folded here in chain order, the way a
/// contract would), so a test can check the catalog against a model it did not compute itself.
/// </summary>
internal sealed class FactScenario
{
    public const string Zero = "0x0000000000000000000000000000000000000000";

    private static readonly DateTimeOffset Genesis = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Random _random;
    private readonly Dictionary<BigInteger, string> _owners = [];
    private readonly Dictionary<(BigInteger Id, string Holder), BigInteger> _balances = [];
    private readonly HashSet<(string Contract, BigInteger Id)> _minted = [];
    private int _logIndex;

    public FactScenario(string chain, int seed, int blocks = 12, string? branch = null)
    {
        Chain = chain;
        _random = new Random(seed);
        Branch = branch ?? "a";
        Erc721 = Hex(40, $"721/{seed}");
        Erc1155 = Hex(40, $"1155/{seed}");
        Holders = [.. Enumerable.Range(1, 4).Select(i => Hex(40, $"holder/{i}"))];
        for (var block = 1; block <= blocks; block++)
        {
            _logIndex = 0;
            var operations = _random.Next(1, 5);
            for (var i = 0; i < operations; i++)
            {
                Step(block);
            }
        }
    }

    public string Chain { get; }

    public string Branch { get; }

    public string Erc721 { get; }

    public string Erc1155 { get; }

    public IReadOnlyList<string> Holders { get; }

    /// <summary>Every fact in chain order.</summary>
    public List<TokenTransfer> Facts { get; } = [];

    /// <summary>ERC-721 owners as the chain says (null once burned).</summary>
    public IReadOnlyDictionary<BigInteger, string?> Owners =>
        _owners.ToDictionary(o => o.Key, o => o.Value == Zero ? null : o.Value);

    /// <summary>Positive balances of both collections: (contract, id, holder) → quantity.</summary>
    public IReadOnlyDictionary<(string Contract, BigInteger Id, string Holder), BigInteger> Balances =>
        _owners.Where(o => o.Value != Zero).Select(o => ((Erc721, o.Key, o.Value), BigInteger.One))
            .Concat(_balances.Where(b => b.Value > 0).Select(b => ((Erc1155, b.Key.Id, b.Key.Holder), b.Value)))
            .ToDictionary(x => x.Item1, x => x.Item2);

    /// <summary>Supply per token of both collections.</summary>
    public IReadOnlyDictionary<(string Contract, BigInteger Id), BigInteger> Supplies =>
        _owners.Select(o => ((Erc721, o.Key), o.Value == Zero ? BigInteger.Zero : BigInteger.One))
            .Concat(_minted.Where(m => m.Contract == Erc1155).Select(m => ((Erc1155, m.Id), _balances.Where(b => b.Key.Id == m.Id).Aggregate(BigInteger.Zero, (s, b) => s + b.Value))))
            .ToDictionary(x => x.Item1, x => x.Item2);

    public int TotalMinted(string contract) => _minted.Count(m => m.Contract == contract);

    /// <summary>The block hash of <paramref name="block"/> on this scenario's branch.</summary>
    public string BlockHash(long block) => Hex(64, $"{Chain}/{Branch}/block/{block}");

    /// <summary>A log's position: the same transaction hash on every chain and branch (a test compares chains' rows).</summary>
    public static ChainPosition Position(string chain, string branch, long block, int logIndex) =>
        new(block, Hex(64, $"{chain}/{branch}/block/{block}"), logIndex, Hex(64, $"tx/{block}/{logIndex}"), Genesis.AddSeconds(block * 12));

    /// <summary>
    /// Setting changes of the ERC-721 collection in two messages: royalty changed twice, the owner's role handed from the
    /// creator to <c>Holders[2]</c>, a minter granted and another granted then revoked.
    /// </summary>
    public List<CollectionSettingsChanged> Settings()
    {
        SettingChange Change(string kind, long block, int log, string? receiver = null, int? bps = null, string? account = null, string? role = null) =>
            new(Erc721, kind, receiver, bps, account, null, role, kind.StartsWith("role", StringComparison.Ordinal) ? Holders[0] : null,
                Position(Chain, Branch, block, 100 + log));
        var admin = SettingChange.Roles.DefaultAdmin;
        var minter = SettingChange.Roles.Minter;
        return
        [
            new(Chain, 0, 5,
            [
                Change(SettingChangeKinds.RoleGranted, 0, 0, account: Holders[0], role: admin),
                Change(SettingChangeKinds.Royalty, 3, 0, Holders[1], 250),
                Change(SettingChangeKinds.RoleGranted, 4, 0, account: Holders[1], role: minter),
            ]),
            new(Chain, 6, 12,
            [
                Change(SettingChangeKinds.RoleGranted, 6, 0, account: Holders[3], role: minter),
                Change(SettingChangeKinds.RoleRevoked, 8, 0, account: Holders[0], role: admin),
                Change(SettingChangeKinds.RoleGranted, 8, 1, account: Holders[2], role: admin),
                Change(SettingChangeKinds.Royalty, 10, 0, Holders[3], 500),
                Change(SettingChangeKinds.RoleRevoked, 11, 0, account: Holders[3], role: minter),
            ]),
        ];
    }

    /// <summary>The facts as the indexer batches them: per range of <paramref name="blocksPerRange"/> blocks, mints and other transfers apart.</summary>
    public List<object> Messages(int blocksPerRange)
    {
        var messages = new List<object>();
        foreach (var range in Facts.GroupBy(f => (f.Position.BlockNumber - 1) / blocksPerRange).OrderBy(g => g.Key))
        {
            var from = (range.Key * blocksPerRange) + 1;
            var to = from + blocksPerRange - 1;
            var mints = range.Where(f => f.Kind == TransferKinds.Mint).ToList();
            var others = range.Where(f => f.Kind != TransferKinds.Mint).ToList();
            if (mints.Count > 0)
            {
                messages.Add(new TokensMinted(Chain, from, to, mints));
            }

            if (others.Count > 0)
            {
                messages.Add(new TokensTransferred(Chain, from, to, others));
            }
        }

        return messages;
    }

    public CollectionsCreated Announcement() =>
        new(Chain, 0, 0,
        [
            new CreatedCollection(Erc721, TokenStandards.Erc721, CollectionSources.Factory, Hex(40, "factory"), Holders[0], Holders[0], "Scenario 721", "S7",
                "", null, null, null, Hex(64, "salt"), 0, Position(Chain, Branch, 0, 0)),
            new CreatedCollection(Erc1155, TokenStandards.Erc1155, CollectionSources.Factory, Hex(40, "factory"), Holders[0], Holders[0], "Scenario 1155", "S1",
                "", null, null, null, Hex(64, "salt"), 0, Position(Chain, Branch, 0, 1)),
        ]);

    private void Step(int block)
    {
        switch (_random.Next(7))
        {
            case 0 or 1:
                // A new ERC-721 token.
                var id = new BigInteger(_owners.Count + 1);
                Add721(block, TransferKinds.Mint, Zero, Pick(), id);
                break;
            case 2 when _owners.Any(o => o.Value != Zero):
                var token = _owners.Where(o => o.Value != Zero).OrderBy(o => o.Key).ElementAt(_random.Next(_owners.Count(o => o.Value != Zero)));
                if (_random.Next(4) == 0)
                {
                    Add721(block, TransferKinds.Burn, token.Value, Zero, token.Key);
                }
                else
                {
                    Add721(block, TransferKinds.Transfer, token.Value, Pick(), token.Key);
                }

                break;
            case 3 or 4:
                // Mints of one or two ids, new or existing, as one TransferBatch.
                var to = Pick();
                var ids = Enumerable.Range(0, _random.Next(1, 3)).Select(_ => new BigInteger(_random.Next(1, 6))).Distinct().ToList();
                Add1155Batch(block, TransferKinds.Mint, Zero, to, [.. ids.Select(i => (i, new BigInteger(_random.Next(1, 10))))]);
                break;
            default:
                var held = _balances.Where(b => b.Value > 0).OrderBy(b => b.Key.Holder, StringComparer.Ordinal).ThenBy(b => b.Key.Id).ToList();
                if (held.Count == 0)
                {
                    break;
                }

                var from = held[_random.Next(held.Count)].Key.Holder;
                var moves = held.Where(b => b.Key.Holder == from).Take(_random.Next(1, 3))
                    .Select(b => (b.Key.Id, (BigInteger)_random.Next(1, (int)b.Value + 1))).ToList();
                if (_random.Next(4) == 0)
                {
                    Add1155Batch(block, TransferKinds.Burn, from, Zero, moves);
                }
                else
                {
                    Add1155Batch(block, TransferKinds.Transfer, from, Pick(), moves);
                }

                break;
        }

    }

    private void Add721(int block, string kind, string from, string to, BigInteger id)
    {
        var position = Position(Chain, Branch, block, _logIndex++);
        Facts.Add(new TokenTransfer(Erc721, TokenStandards.Erc721, kind, null, from, to, Text(id), "1", 0, position));
        _owners[id] = to;
        if (kind == TransferKinds.Mint)
        {
            _minted.Add((Erc721, id));
        }
    }

    private void Add1155Batch(int block, string kind, string from, string to, List<(BigInteger Id, BigInteger Amount)> entries)
    {
        var position = Position(Chain, Branch, block, _logIndex++);
        for (var i = 0; i < entries.Count; i++)
        {
            var (id, amount) = entries[i];
            Facts.Add(new TokenTransfer(Erc1155, TokenStandards.Erc1155, kind, from == Zero ? to : from, from, to, Text(id), Text(amount), i, position));
            if (from != Zero)
            {
                _balances[(id, from)] = _balances.GetValueOrDefault((id, from)) - amount;
            }

            if (to != Zero)
            {
                _balances[(id, to)] = _balances.GetValueOrDefault((id, to)) + amount;
            }

            if (kind == TransferKinds.Mint)
            {
                _minted.Add((Erc1155, id));
            }
        }
    }

    private string Pick() => Holders[_random.Next(Holders.Count)];

    private static string Text(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A lowercase 0x hex string of <paramref name="digits"/> digits derived from <paramref name="seed"/>.</summary>
    public static string Hex(int digits, string seed)
    {
        var bytes = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seed));
        var hex = Convert.ToHexStringLower(bytes);
        return "0x" + (hex + hex)[..digits];
    }
}
