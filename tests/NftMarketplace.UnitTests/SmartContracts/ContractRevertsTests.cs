using System.Numerics;
using Nethereum.ABI;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.JsonRpc.Client;
using Nethereum.Util;
using NftMarketplace.SmartContracts.Collections;
using NftMarketplace.SmartContracts.Factory;
using NftMarketplace.SmartContracts.Reverts;

namespace NftMarketplace.UnitTests.SmartContracts;

public sealed class ContractRevertsTests
{
    private const string Account = "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed";

    [Fact]
    public void A_custom_error_decodes_to_its_name_arguments_and_typed_dto()
    {
        var data = Encode("NotMinter(address)", new ABIValue("address", Account));

        var revert = ContractReverts.Decode(data);

        Assert.Equal("NotMinter", revert.ErrorName);
        var argument = Assert.Single(revert.Arguments);
        Assert.Equal(("account", "address"), (argument.Name, argument.Type));
        Assert.True(((string)argument.Value!).IsTheSameAddress(Account));
        Assert.True(revert.Is<NotMinterError>());
        Assert.False(revert.Is<MaxSupplyExceededError>());
        Assert.True(revert.Decode<NotMinterError>().Account.IsTheSameAddress(Account));
        Assert.Contains("NotMinter(account: 0x", revert.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => revert.Decode<MaxSupplyExceededError>());
    }

    [Fact]
    public void An_error_of_a_collection_decodes_when_the_factory_was_called()
    {
        // createCollection runs the clone's initializer, so its reverts carry collection errors.
        var revert = ContractReverts.Decode(Encode("ERC2981InvalidDefaultRoyalty(uint256,uint256)", new ABIValue("uint256", 10_001), new ABIValue("uint256", 10_000)));

        Assert.Equal("ERC2981InvalidDefaultRoyalty", revert.ErrorName);
        Assert.Equal(new BigInteger(10_001), revert.Decode<Erc2981InvalidDefaultRoyaltyError>().Numerator);
    }

    [Fact]
    public void A_revert_string_and_a_panic_decode_too()
    {
        var message = ContractReverts.Decode(Encode("Error(string)", new ABIValue("string", "nope")));
        var panic = ContractReverts.Decode(Encode("Panic(uint256)", new ABIValue("uint256", 0x11)));

        Assert.Equal(("Error", "nope"), (message.ErrorName, Assert.Single(message.Arguments).Value));
        Assert.Equal(("Panic", (object?)new BigInteger(0x11)), (panic.ErrorName, Assert.Single(panic.Arguments).Value));
    }

    [Fact]
    public void Data_of_no_known_error_keeps_its_bytes()
    {
        var revert = ContractReverts.Decode("0xdeadbeef");

        Assert.Equal("", revert.ErrorName);
        Assert.Empty(revert.Arguments);
        Assert.Equal("0xdeadbeef", revert.RevertData);
        Assert.Contains("0xdeadbeef", revert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_revert_without_data_says_so()
    {
        var revert = ContractReverts.Decode("0x");

        Assert.Equal("", revert.ErrorName);
        Assert.Contains("without data", revert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nethereums_revert_exceptions_are_translated()
    {
        var data = Encode("CollectionAlreadyExists(address)", new ABIValue("address", Account));

        Assert.True(ContractReverts.TryDecode(new SmartContractCustomErrorRevertException(data), out var fromCall));
        Assert.True(ContractReverts.TryDecode(new RpcResponseException(new RpcError(3, "execution reverted", data)), out var fromRpc));
        Assert.True(ContractReverts.TryDecode(new InvalidOperationException("wrapped", new SmartContractCustomErrorRevertException(data)), out var wrapped));
        Assert.False(ContractReverts.TryDecode(new RpcResponseException(new RpcError(-32000, "nonce too low", null)), out _));

        Assert.All(new[] { fromCall, fromRpc, wrapped }, revert => Assert.Equal("CollectionAlreadyExists", revert!.ErrorName));
        Assert.True(fromRpc!.Decode<CollectionAlreadyExistsError>().Collection.IsTheSameAddress(Account));
    }

    [Fact]
    public async Task WithDecodedReverts_rethrows_a_revert_as_ContractRevertException()
    {
        var data = Encode("MaxSupplyExceeded(uint256)", new ABIValue("uint256", 3));

        var revert = await Assert.ThrowsAsync<ContractRevertException>(
            () => Task.FromException<string>(new SmartContractCustomErrorRevertException(data)).WithDecodedReverts());
        var other = await Assert.ThrowsAsync<TimeoutException>(
            () => Task.FromException<string>(new TimeoutException()).WithDecodedReverts());

        Assert.Equal(new BigInteger(3), revert.Decode<MaxSupplyExceededError>().Max);
        Assert.IsType<SmartContractCustomErrorRevertException>(revert.InnerException);
        Assert.NotNull(other);
    }

    private static string Encode(string signature, params ABIValue[] arguments)
    {
        var selector = Sha3Keccack.Current.CalculateHash(System.Text.Encoding.ASCII.GetBytes(signature))[..4];
        return selector.Concat(new ABIEncode().GetABIEncoded(arguments)).ToArray().ToHex(prefix: true);
    }
}
