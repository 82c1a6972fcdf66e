using Nethereum.ABI;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Util;
using NftMarketplace.SmartContracts.Factory;

namespace NftMarketplace.UnitTests.SmartContracts;

/// <summary>The offline prediction; the integration tests check it against addresses the factory really deploys to.</summary>
public sealed class CollectionAddressTests
{
    private const string Factory = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
    private const string Implementation = "0xe7f1725e7734ce288f8367e1bb143e90bb3f0512";
    private const string Creator = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";

    [Fact]
    public void The_create2_salt_is_the_creators_address_and_salt_abi_encoded_and_hashed()
    {
        var salt = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

        var expected = Sha3Keccack.Current.CalculateHash(new ABIEncode().GetABIEncoded(new ABIValue("address", Creator), new ABIValue("bytes32", salt)));

        Assert.Equal(expected, CollectionAddress.CreatorSalt(Creator, salt));
    }

    [Fact]
    public void The_address_depends_on_creator_salt_and_implementation()
    {
        var salt = new byte[32];
        var other = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";

        var address = CollectionAddress.Predict(Factory, Implementation, Creator, salt);

        Assert.True(address.IsValidEthereumAddressHexFormat());
        Assert.Equal(address, CollectionAddress.Predict(Factory, Implementation.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal), Creator, salt));
        Assert.NotEqual(address, CollectionAddress.Predict(Factory, Implementation, other, salt));
        Assert.NotEqual(address, CollectionAddress.Predict(Factory, other, Creator, salt));
        Assert.NotEqual(address, CollectionAddress.Predict(Factory, Implementation, Creator, [.. salt[..31], 1]));
    }

    [Fact]
    public void A_salt_is_32_bytes()
    {
        Assert.Throws<ArgumentException>(() => CollectionAddress.Predict(Factory, Implementation, Creator, "0x01".HexToByteArray()));
    }
}
