using Nethereum.Util;

namespace NftMarketplace.SmartContracts.Collections;

/// <summary>AccessControl roles of both collection contracts.</summary>
public static class CollectionRoles
{
    /// <summary>Held by the owner alone; grants and revokes the other roles.</summary>
    public static byte[] DefaultAdmin => new byte[32];

    /// <summary><c>keccak256("MINTER_ROLE")</c>: may mint besides the owner.</summary>
    public static byte[] Minter => Sha3Keccack.Current.CalculateHash("MINTER_ROLE"u8.ToArray());
}
