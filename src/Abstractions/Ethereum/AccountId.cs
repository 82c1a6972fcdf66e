using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using EvmAddress = NftMarketplace.BuildingBlocks.Ethereum.Address;

namespace NftMarketplace.BuildingBlocks.Ethereum;

/// <summary>
/// A CAIP-10 account ID, <c>chain_id:account_address</c>, e.g.
/// <c>eip155:1:0xab16a96d359ec26a11e2c2b3d8f8b8942d5bfcdb</c>. On eip155 chains the address
/// part follows <see cref="EvmAddress"/> rules (checksum checked when mixed case) and is
/// stored in lowercase, so one account has one spelling. Other namespaces keep the text as given.
/// </summary>
public sealed record AccountId : IParsable<AccountId>
{
    private const int MaxAccountAddressLength = 128;
    private const int MaxLength = ChainId.MaxLength + 1 + MaxAccountAddressLength;

    private const string What = "a CAIP-10 account ID";
    private const string Expected =
        "expected chain_id:account_address, e.g. eip155:1:0xab16a96d359ec26a11e2c2b3d8f8b8942d5bfcdb";
    private const string BadAccountAddress =
        "the account address (after the chain ID) must be 1-128 characters of a-z, A-Z, 0-9, -, . or %";
    private const string BadEip155Address = "an eip155 account address must be 0x followed by 40 hex digits";
    private const string BadEip155Checksum =
        "the address has a bad checksum: its mix of upper and lower case does not match EIP-55, so it is probably mistyped";

    private static readonly SearchValues<char> AccountAddressChars =
        SearchValues.Create("-.%0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");

    private AccountId(string value, ChainId chainId, string accountAddress, EvmAddress? address)
    {
        Value = value;
        ChainId = chainId;
        AccountAddress = accountAddress;
        Address = address;
    }

    /// <summary>The full canonical text.</summary>
    public string Value { get; }

    public ChainId ChainId { get; }

    /// <summary>The part after the chain ID, lowercase on eip155 chains.</summary>
    public string AccountAddress { get; }

    /// <summary>The Ethereum address on eip155 chains; null elsewhere.</summary>
    public EvmAddress? Address { get; }

    public static AccountId Create(ChainId chainId, EvmAddress address)
    {
        ArgumentNullException.ThrowIfNull(chainId);
        if (!chainId.IsEip155)
        {
            throw InvalidEthereumValueException.NotA(
                "an eip155 (EVM) chain ID", chainId.Value, "only eip155 chains have Ethereum addresses", field: null);
        }

        return new AccountId(string.Concat(chainId.Value, ":", address.Value), chainId, address.Value, address);
    }

    public static AccountId Parse(string? text) => Parse(text, field: null);

    /// <param name="field">Input path reported with the error, e.g. <c>input.accountId</c>.</param>
    public static AccountId Parse(string? text, string? field) =>
        TryParseCore(text, out var account, out var reason)
            ? account
            : throw InvalidEthereumValueException.NotA(What, text, reason, field);

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out AccountId? account) =>
        TryParseCore(text, out account, out _);

    /// <summary>The Ethereum address; throws when the account is not on an eip155 chain.</summary>
    public EvmAddress ToEip155Address() =>
        Address
        ?? throw InvalidEthereumValueException.NotA(
            "an eip155 (EVM) account ID", Value, "expected an account on an eip155 chain, e.g. eip155:1:0x…", field: null);

    public override string ToString() => Value;

    /// <param name="reason">Why the text was rejected, for the error message.</param>
    private static bool TryParseCore(
        [NotNullWhen(true)] string? text,
        [NotNullWhen(true)] out AccountId? account,
        [NotNullWhen(false)] out string? reason)
    {
        account = null;
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength)
        {
            reason = Expected;
            return false;
        }

        // Neither a CAIP-2 reference nor an account address may contain ':', so the second one splits them.
        var firstColon = text.IndexOf(':', StringComparison.Ordinal);
        var secondColon = firstColon < 0 ? -1 : text.IndexOf(':', firstColon + 1);
        if (secondColon < 0)
        {
            reason = Expected;
            return false;
        }

        if (!ChainId.TryParseCore(text, secondColon, out var chainId, out reason))
        {
            return false;
        }

        var accountPart = text.AsSpan(secondColon + 1);
        if (accountPart.IsEmpty || accountPart.Length > MaxAccountAddressLength || accountPart.ContainsAnyExcept(AccountAddressChars))
        {
            reason = BadAccountAddress;
            return false;
        }

        var accountText = accountPart.ToString();
        if (!chainId.IsEip155)
        {
            account = new AccountId(text, chainId, accountText, address: null);
            return true;
        }

        if (EvmAddress.TryParseCore(accountText, out var address) is { } addressReason)
        {
            reason = addressReason == EvmAddress.BadChecksum ? BadEip155Checksum : BadEip155Address;
            return false;
        }

        // The input is already canonical exactly when lowercasing the address handed back the same string.
        var value = ReferenceEquals(address.Value, accountText) ? text : string.Concat(chainId.Value, ":", address.Value);
        account = new AccountId(value, chainId, address.Value, address);
        return true;
    }

    static AccountId IParsable<AccountId>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<AccountId>.TryParse(
        [NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out AccountId result) =>
        TryParse(s, out result);
}
