namespace NftMarketplace.Modules.Auth.Siwe;

/// <summary>
/// The fields of a SIWE message as plain, unchecked text (from a client, configuration or a test vector),
/// to be validated by <see cref="SiweMessage.Create"/>. Names follow EIP-4361's JSON form.
/// </summary>
/// <remarks>
/// <see cref="ChainId"/> is text so that a value that is not a number is reported by the same validation as
/// everything else. Timestamps are text so that they are signed exactly as given; build them with
/// <see cref="SiweTimestamp.FromInstant"/>.
/// </remarks>
internal sealed record SiweFields
{
    /// <summary>Optional URI scheme of the requesting origin, e.g. <c>https</c>; written as <c>scheme://domain</c>.</summary>
    public string? Scheme { get; init; }

    public string? Domain { get; init; }

    /// <summary>The signer's address in EIP-55 checksum case.</summary>
    public string? Address { get; init; }

    /// <summary>Optional one-line statement; an empty string is a statement too (an empty line in the text).</summary>
    public string? Statement { get; init; }

    public string? Uri { get; init; }

    /// <summary>Must be <see cref="SiweMessage.SupportedVersion"/>.</summary>
    public string? Version { get; init; }

    /// <summary>EIP-155 chain number in decimal, e.g. <c>1</c>.</summary>
    public string? ChainId { get; init; }

    public string? Nonce { get; init; }

    public string? IssuedAt { get; init; }

    public string? ExpirationTime { get; init; }

    public string? NotBefore { get; init; }

    public string? RequestId { get; init; }

    /// <summary>Null for no <c>Resources:</c> section; an empty list writes the section header alone.</summary>
    public IReadOnlyList<string>? Resources { get; init; }
}
