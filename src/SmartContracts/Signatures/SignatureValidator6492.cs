namespace NftMarketplace.SmartContracts.Signatures;

/// <summary>What <c>SignatureValidator6492</c> answers and reverts with.</summary>
public static class SignatureValidator6492
{
    /// <summary>The whole result of the call for a valid signature.</summary>
    public const byte Valid = 0x01;

    /// <summary>The whole result of the call for an invalid signature.</summary>
    public const byte Invalid = 0x00;

    /// <summary><c>FactoryCallFailed(address factory, bytes reason)</c>: the wrapper's factory call reverted while the signer had no code.</summary>
    public const string FactoryCallFailedError = "FactoryCallFailed";

    /// <summary><c>SignerNotDeployed(address signer)</c>: the wrapper's factory call succeeded but left no code at the signer.</summary>
    public const string SignerNotDeployedError = "SignerNotDeployed";

    /// <summary>
    /// The name of the validator's error that <paramref name="revertData"/> carries, or null for any other revert
    /// (e.g. a wrapper that is not valid ABI).
    /// </summary>
    public static string? ErrorName(ReadOnlySpan<byte> revertData)
    {
        if (revertData.Length < 4)
        {
            return null;
        }

        var selector = Convert.ToHexStringLower(revertData[..4]);
        return ContractArtifact.SignatureValidator6492.Abi.Errors
            .FirstOrDefault(e => e.Sha3Signature.Equals(selector, StringComparison.OrdinalIgnoreCase))?.Name;
    }
}
