using System.Globalization;
using System.Numerics;
using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;
using NftMarketplace.SmartContracts.Collections1155;
using NftMarketplace.SmartContracts.Collections721;
using NftMarketplace.SmartContracts.Factory;
using NftMarketplace.SmartContracts.Reverts;

namespace NftMarketplace.SmartContracts.GasReport;

/// <summary>One measured transaction.</summary>
internal sealed record GasRow(string Operation, BigInteger Gas, int Tokens)
{
    public string ToMarkdown() =>
        string.Create(CultureInfo.InvariantCulture, $"| {Operation} | {Gas:N0} | {(Tokens > 0 ? (Gas / Tokens).ToString("N0", CultureInfo.InvariantCulture) : "")} |");
}

/// <summary>The transactions the marketplace sends or asks creators to sign, with realistic inputs.</summary>
internal static class GasMeasurements
{
    // A CIDv1 URI as media uploads produce them: what per-token URI storage costs depends on its length.
    private const string TokenUriBase = "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/";

    public static async Task<IReadOnlyList<GasRow>> MeasureAsync(Web3 web3)
    {
        var me = web3.TransactionManager.Account.Address;
        var rows = new List<GasRow>();

        async Task<TransactionReceipt> Deploy<T>(string operation, T deployment)
            where T : ContractDeploymentMessage, new()
        {
            var receipt = await web3.Eth.GetContractDeploymentHandler<T>().SendRequestAndWaitForReceiptAsync(deployment);
            await web3.EnsureSucceededAsync(receipt);
            rows.Add(new GasRow(operation, receipt.GasUsed.Value, 0));
            return receipt;
        }

        async Task<TransactionReceipt> Send<T>(string operation, string contract, T function, int tokens = 0)
            where T : FunctionMessage, new()
        {
            var receipt = await web3.Eth.GetContractHandler(contract).SendRequestAndWaitForReceiptAsync(function).WithDecodedReverts();
            await web3.EnsureSucceededAsync(receipt);
            rows.Add(new GasRow(operation, receipt.GasUsed.Value, tokens));
            return receipt;
        }

        var implementation721 = (await Deploy("deploy Collection721 implementation", new Collection721Deployment())).ContractAddress;
        var implementation1155 = (await Deploy("deploy Collection1155 implementation", new Collection1155Deployment())).ContractAddress;
        var factory = (await Deploy("deploy NftFactory", new NftFactoryDeployment { Implementation721 = implementation721, Implementation1155 = implementation1155 })).ContractAddress;

        var config = new CollectionConfig
        {
            Name = "Genesis Collection",
            Symbol = "GEN",
            ContractUri = TokenUriBase + "collection.json",
            RoyaltyReceiver = me,
            RoyaltyBps = 500,
        };
        var created721 = await Send("createCollection ERC-721 (royalty, contractURI, max supply)", factory, new CreateCollectionFunction
        {
            Standard = (byte)TokenStandard.Erc721,
            Config = new CollectionConfig { Name = config.Name, Symbol = config.Symbol, ContractUri = config.ContractUri, RoyaltyReceiver = me, RoyaltyBps = 500, MaxSupply = 10_000 },
            Salt = Salt(1),
        });
        var created1155 = await Send("createCollection ERC-1155 (royalty, contractURI)", factory, new CreateCollectionFunction
        {
            Standard = (byte)TokenStandard.Erc1155,
            Config = config,
            Salt = Salt(2),
        });
        var collection721 = created721.DecodeAllEvents<CollectionCreatedEvent>()[0].Event.Collection;
        var collection1155 = created1155.DecodeAllEvents<CollectionCreatedEvent>()[0].Event.Collection;

        // The first mint of a collection also starts its counters; the row after it is the usual cost.
        await Send("ERC-721 mint, first of the collection", collection721, new Mint721Function { To = me, Uri = Uri(1) }, tokens: 1);
        await Send("ERC-721 mint", collection721, new Mint721Function { To = Holder(1), Uri = Uri(2) }, tokens: 1);
        await Send("ERC-721 mintBatch of 10", collection721, new MintBatch721Function { To = Holder(2), Uris = Uris(10) }, tokens: 10);
        await Send("ERC-721 mintBatch of 100", collection721, new MintBatch721Function { To = Holder(3), Uris = Uris(100) }, tokens: 100);

        await Send("ERC-1155 mint of a new id, first of the collection (amount 10)", collection1155, new Mint1155Function { To = me, Amount = 10, Uri = Uri(1) }, tokens: 1);
        await Send("ERC-1155 mint of a new id (amount 10, max supply 100)", collection1155, new Mint1155Function { To = Holder(1), Amount = 10, MaxSupply = 100, Uri = Uri(2) }, tokens: 1);
        await Send("ERC-1155 mintExisting (amount 5)", collection1155, new MintExisting1155Function { To = Holder(1), Id = 2, Amount = 5 }, tokens: 1);
        await Send("ERC-1155 mintBatch of 10 new ids", collection1155, Batch1155(Holder(2), 10), tokens: 10);
        await Send("ERC-1155 mintBatch of 100 new ids", collection1155, Batch1155(Holder(3), 100), tokens: 100);

        // Holder burns of what "me" received above: token 1 of the 721, part of id 1 of the 1155.
        await Send("ERC-721 burn", collection721, new Burn721Function { TokenId = 1 }, tokens: 1);
        await Send("ERC-1155 burn (amount 5 of 10)", collection1155, new Burn1155Function { Account = me, Id = 1, Value = 5 }, tokens: 1);
        await Send("ERC-1155 burnBatch of 1 id (its last 5)", collection1155, new BurnBatch1155Function { Account = me, Ids = [1], Values = [5] }, tokens: 1);
        return rows;
    }

    private static MintBatch1155Function Batch1155(string to, int count) => new()
    {
        To = to,
        Amounts = [.. Enumerable.Repeat(new BigInteger(10), count)],
        MaxSupplies = [.. Enumerable.Repeat(BigInteger.Zero, count)],
        Uris = Uris(count),
    };

    private static string Uri(int token) => string.Create(CultureInfo.InvariantCulture, $"{TokenUriBase}{token}.json");

    private static List<string> Uris(int count) => [.. Enumerable.Range(1, count).Select(Uri)];

    private static byte[] Salt(byte value) => [.. new byte[31], value];

    /// <summary>A holder with no tokens yet: receiving the first one costs more than the next.</summary>
    private static string Holder(int index) => "0x" + index.ToString("x40", CultureInfo.InvariantCulture);
}
