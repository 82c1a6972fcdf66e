using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Util;
using NftMarketplace.SmartContracts.Collections;

namespace NftMarketplace.UnitTests.SmartContracts;

/// <summary>ERC-165 ids are the XOR of an interface's function selectors (EIP-4906's is fixed by the EIP instead).</summary>
public sealed class InterfaceIdsTests
{
    public static TheoryData<string, string[]> Interfaces => new()
    {
        { InterfaceIds.Erc165, ["supportsInterface(bytes4)"] },
        {
            InterfaceIds.Erc721,
            [
                "balanceOf(address)", "ownerOf(uint256)", "safeTransferFrom(address,address,uint256,bytes)",
                "safeTransferFrom(address,address,uint256)", "transferFrom(address,address,uint256)", "approve(address,uint256)",
                "setApprovalForAll(address,bool)", "getApproved(uint256)", "isApprovedForAll(address,address)",
            ]
        },
        { InterfaceIds.Erc721Metadata, ["name()", "symbol()", "tokenURI(uint256)"] },
        {
            InterfaceIds.Erc1155,
            [
                "safeTransferFrom(address,address,uint256,uint256,bytes)", "safeBatchTransferFrom(address,address,uint256[],uint256[],bytes)",
                "balanceOf(address,uint256)", "balanceOfBatch(address[],uint256[])", "setApprovalForAll(address,bool)",
                "isApprovedForAll(address,address)",
            ]
        },
        { InterfaceIds.Erc1155MetadataUri, ["uri(uint256)"] },
        { InterfaceIds.Erc2981, ["royaltyInfo(uint256,uint256)"] },
        {
            InterfaceIds.AccessControl,
            ["hasRole(bytes32,address)", "getRoleAdmin(bytes32)", "grantRole(bytes32,address)", "revokeRole(bytes32,address)", "renounceRole(bytes32,address)"]
        },
        {
            InterfaceIds.AccessControlDefaultAdminRules,
            [
                "defaultAdmin()", "pendingDefaultAdmin()", "defaultAdminDelay()", "pendingDefaultAdminDelay()", "defaultAdminDelayIncreaseWait()",
                "beginDefaultAdminTransfer(address)", "cancelDefaultAdminTransfer()", "acceptDefaultAdminTransfer()",
                "changeDefaultAdminDelay(uint48)", "rollbackDefaultAdminDelay()",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Interfaces))]
    public void An_interface_id_is_the_xor_of_its_selectors(string interfaceId, string[] functions)
    {
        var id = new byte[4];
        foreach (var function in functions)
        {
            var selector = Sha3Keccack.Current.CalculateHash(System.Text.Encoding.ASCII.GetBytes(function));
            for (var i = 0; i < 4; i++)
            {
                id[i] ^= selector[i];
            }
        }

        Assert.Equal(interfaceId, id.ToHex(prefix: true));
    }

    [Fact]
    public void The_minter_role_is_the_hash_of_its_name()
    {
        Assert.Equal("0x9f2df0fed2c77648de5860a4cc508cd0818c85b8b8a1ab4ceeef8d981c8956a6", CollectionRoles.Minter.ToHex(prefix: true));
        Assert.Equal(new byte[32], CollectionRoles.DefaultAdmin);
    }
}
