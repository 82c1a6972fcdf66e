using NftMarketplace.BuildingBlocks.Ethereum;

namespace NftMarketplace.GraphQL.Scalars;

/// <summary><c>Address</c>: a 20-byte account or contract address, shown in EIP-55 checksum case.</summary>
public sealed class AddressGraphType : StringScalarGraphType<Address>
{
    public AddressGraphType()
    {
        Name = "Address";
        Description = "A 20-byte Ethereum address, 0x + 40 hex digits. Shown in EIP-55 checksum case; "
            + "accepted in one case or in correct checksum case.";
    }

    public override Address Parse(string text) => Address.Parse(text);

    public override string Format(Address value) => value.ToChecksumString();
}
