namespace NftMarketplace.Modules.Auth.Signatures;

/// <summary>The verdict on a signature.</summary>
/// <param name="Method">How it was checked (for a rejected one, how it would have been valid).</param>
/// <param name="Failure">Why it was rejected, short and fit to show the signer; never echoes the signature. Null when valid.</param>
internal sealed record SignatureVerification(bool IsValid, SignatureMethod Method, string? Failure)
{
    public static SignatureVerification Valid(SignatureMethod method) => new(true, method, null);

    public static SignatureVerification Invalid(SignatureMethod method, string failure) => new(false, method, failure);
}
