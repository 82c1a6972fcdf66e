using System.Text.Json;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.Modules.Auth.Signatures;
using NftMarketplace.Modules.Auth.Siwe;

namespace NftMarketplace.UnitTests.Auth.Siwe;

/// <summary>
/// The verification vectors: rebuild the message from its fields, check the rules at the vector's time and
/// recover the signer with EIP-191. Negative cases must fail at the stage and for the reason listed here.
/// </summary>
public sealed class SiweVerificationVectorTests
{
    private enum Stage
    {
        Accepted,
        Build,
        Rules,
        UnreadableSignature,
        OtherSigner,
    }

    // Where each negative vector must fail. A new vector without an entry fails until someone decides.
    private static readonly Dictionary<string, Outcome> ExpectedFailures = new(StringComparer.Ordinal)
    {
        ["expired message"] = new(Stage.Rules, SiweFailureReason.Expired),
        ["domain binding"] = new(Stage.Rules, SiweFailureReason.DomainMismatch),
        ["custom time"] = new(Stage.Rules, SiweFailureReason.Expired),
        ["custom nonce"] = new(Stage.Rules, SiweFailureReason.NonceMismatch),
        ["malformed signature"] = new(Stage.UnreadableSignature),
        ["wrong signature"] = new(Stage.OtherSigner),
        ["not yet valid"] = new(Stage.Rules, SiweFailureReason.NotYetValid),
        ["invalid issuedAt"] = new(Stage.Build),
        ["invalid notBefore"] = new(Stage.Build),
        ["invalid expirationTime"] = new(Stage.Build),
    };

    public static TheoryData<string> Positive => SiweVectors.CaseNames(SiweVectors.VerificationPositive);

    public static TheoryData<string> Negative => SiweVectors.CaseNames(SiweVectors.VerificationNegative);

    [Theory]
    [MemberData(nameof(Positive))]
    public void Positive_vectors_verify(string name)
    {
        var vector = SiweVectors.Case(SiweVectors.VerificationPositive, name);

        var outcome = Verify(vector, out var message);

        Assert.Equal(new Outcome(Stage.Accepted), outcome);
        // Rebuilt from the fields, the message keeps the timestamps exactly as given.
        Assert.Equal(SiweVectors.Text(vector, "issuedAt"), message!.IssuedAt.Text);
        Assert.Equal(SiweVectors.Text(vector, "expirationTime"), message.ExpirationTime?.Text);
        Assert.Equal(SiweVectors.Text(vector, "notBefore"), message.NotBefore?.Text);
    }

    [Theory]
    [MemberData(nameof(Negative))]
    public void Negative_vectors_fail_where_expected(string name)
    {
        var vector = SiweVectors.Case(SiweVectors.VerificationNegative, name);
        if (!ExpectedFailures.TryGetValue(name, out var expected))
        {
            Assert.Fail($"No expected failure is recorded for the new vector '{name}'; add it to {nameof(ExpectedFailures)}.");
        }

        Assert.Equal(expected, Verify(vector, out _));
    }

    /// <summary>The first stage the vector fails, or <see cref="Stage.Accepted"/>.</summary>
    private static Outcome Verify(JsonElement vector, out SiweMessage? message)
    {
        if (!SiweMessage.TryCreate(SiweVectors.Fields(vector), out message, out _))
        {
            return new Outcome(Stage.Build);
        }

        if (SiweRules.Check(message, ConformanceExpectations(vector, message)) is { } failure)
        {
            return new Outcome(Stage.Rules, failure.Reason);
        }

        if (!Hex.TryParse(SiweVectors.Text(vector, "signature"), out var signature)
            || !Eip191.TryRecover(message.ToString(), signature.ToBytes(), out var signer))
        {
            return new Outcome(Stage.UnreadableSignature);
        }

        return signer == message.ParsedAddress ? new Outcome(Stage.Accepted) : new Outcome(Stage.OtherSigner);
    }

    /// <summary>
    /// What the reference implementation checks: domain binding, nonce and validity window at the vector's
    /// time. The two product-only rules are off: the vectors sign https://tally.xyz for www.tally.xyz, and
    /// "expired message" is verified at a time before it was issued.
    /// </summary>
    private static SiweExpectations ConformanceExpectations(JsonElement vector, SiweMessage message) => new()
    {
        Domain = SiweVectors.Text(vector, "domainBinding") ?? message.Domain,
        Nonce = SiweVectors.Text(vector, "matchNonce"),
        Now = SiweVectors.Text(vector, "time") is { } time ? SiweTimestampOf(time) : DateTimeOffset.UtcNow,
        RequireUriOfDomain = false,
        RejectIssuedInFuture = false,
    };

    private static DateTimeOffset SiweTimestampOf(string text) =>
        SiweTimestamp.TryParse(text, out var timestamp, out var reason) ? timestamp.Value : throw new FormatException(reason);

    private sealed record Outcome(Stage Stage, SiweFailureReason? Reason = null);
}
