using NftMarketplace.BuildingBlocks.Messaging;

namespace NftMarketplace.Modules.Indexing.Contracts;

/// <summary>
/// Royalty, ownership and role changes of followed collections that the indexer confirmed on one chain in one block
/// range (inclusive), in chain order. Published on <c>collections.events</c> with key <c>changed.eip155-&lt;n&gt;</c>.
/// </summary>
/// <param name="ChainId">CAIP-2, e.g. <c>eip155:31337</c>.</param>
public sealed record CollectionSettingsChanged(string ChainId, long FromBlock, long ToBlock, IReadOnlyList<SettingChange> Changes)
    : IntegrationEvent, IIntegrationEvent
{
    public static string Exchange => IndexingExchanges.Collections;

    public static string Schema => "indexing.collection_settings_changed";

    public static int Version => 1;

    public string RoutingKey => Key(ChainId);

    /// <summary><c>changed.eip155-31337</c> for <c>eip155:31337</c>.</summary>
    public static string Key(string chainId) => "changed." + IndexingExchanges.KeySegment(chainId);

    /// <summary>Binds every chain's setting changes.</summary>
    public const string AllChains = "changed.*";
}

/// <summary>
/// One change of <paramref name="Contract"/>'s settings. Addresses are 0x-prefixed lowercase.
/// </summary>
/// <param name="Kind">
/// <see cref="SettingChangeKinds.Royalty"/>: <c>DefaultRoyaltyUpdated(receiver, feeBps)</c>, in
/// <paramref name="RoyaltyReceiver"/>/<paramref name="RoyaltyBps"/>.
/// <see cref="SettingChangeKinds.Ownership"/>: Ownable's <c>OwnershipTransferred(previousOwner, newOwner)</c>, in
/// <paramref name="Account"/> (the new owner; the zero address when renounced) and <paramref name="PreviousAccount"/>.
/// <see cref="SettingChangeKinds.RoleGranted"/>/<see cref="SettingChangeKinds.RoleRevoked"/>: AccessControl's
/// <c>RoleGranted</c>/<c>RoleRevoked(role, account, sender)</c>. The collections of the factory have one owner, the
/// holder of <see cref="Roles.DefaultAdmin"/> (AccessControlDefaultAdminRules), so a grant of that role is their change
/// of owner.
/// </param>
/// <param name="Role">bytes32 role id, 0x-prefixed (roles only).</param>
/// <param name="Sender">Who granted or revoked the role (roles only).</param>
public sealed record SettingChange(
    string Contract,
    string Kind,
    string? RoyaltyReceiver,
    int? RoyaltyBps,
    string? Account,
    string? PreviousAccount,
    string? Role,
    string? Sender,
    ChainPosition Position)
{
    /// <summary>Well-known role ids.</summary>
    public static class Roles
    {
        /// <summary>AccessControl's <c>DEFAULT_ADMIN_ROLE</c>: the owner of the factory's collections.</summary>
        public const string DefaultAdmin = "0x0000000000000000000000000000000000000000000000000000000000000000";

        /// <summary><c>keccak256("MINTER_ROLE")</c>: may mint besides the owner.</summary>
        public const string Minter = "0x9f2df0fed2c77648de5860a4cc508cd0818c85b8b8a1ab4ceeef8d981c8956a6";
    }
}

/// <summary>The values of <see cref="SettingChange.Kind"/>.</summary>
public static class SettingChangeKinds
{
    public const string Royalty = "royalty";

    public const string Ownership = "ownership";

    public const string RoleGranted = "role_granted";

    public const string RoleRevoked = "role_revoked";
}
