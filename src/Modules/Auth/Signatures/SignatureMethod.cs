namespace NftMarketplace.Modules.Auth.Signatures;

/// <summary>How a signature was checked, which tells what kind of account signed.</summary>
internal enum SignatureMethod
{
    /// <summary>Recovered offline from a 65-byte <c>personal_sign</c> signature: an externally owned account.</summary>
    Eip191,

    /// <summary>Asked the deployed contract wallet through <c>isValidSignature</c>.</summary>
    Eip1271,

    /// <summary>A wrapped signature of a contract wallet, checked by deploying the wallet within one <c>eth_call</c>.</summary>
    Eip6492,
}
