using System.Numerics;
using Nethereum.Contracts;
using Nethereum.Web3;
using NftMarketplace.SmartContracts.Factory;
using NftMarketplace.SmartContracts.Reverts;

namespace NftMarketplace.IntegrationTests.SmartContracts;

/// <summary>Creating collections through a factory, as a creator's wallet does.</summary>
public static class Collections
{
    public static CollectionConfig Config(string name = "Test Collection", BigInteger? maxSupply = null, string? royaltyReceiver = null, int royaltyBps = 0) => new()
    {
        Name = name,
        Symbol = "TEST",
        ContractUri = "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/collection.json",
        RoyaltyReceiver = royaltyReceiver ?? "0x0000000000000000000000000000000000000000",
        RoyaltyBps = royaltyBps,
        MaxSupply = maxSupply ?? 0,
    };

    public static async Task<CreatedCollection> CreateAsync(Web3 creator, string factory, TokenStandard standard, CollectionConfig? config = null, byte[]? salt = null)
    {
        ArgumentNullException.ThrowIfNull(creator);
        var receipt = await creator.Eth.GetContractHandler(factory)
            .SendRequestAndWaitForReceiptAsync(new CreateCollectionFunction
            {
                Standard = (byte)standard,
                Config = config ?? Config(),
                Salt = salt ?? TestChain.NewSalt(),
            }, TestContext.Current.CancellationToken)
            .WithDecodedReverts();
        await creator.EnsureSucceededAsync(receipt);
        var created = Assert.Single(receipt.DecodeAllEvents<CollectionCreatedEvent>());
        return new CreatedCollection(created.Event.Collection, receipt);
    }
}
