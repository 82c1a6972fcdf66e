namespace NftMarketplace.Modules.Wallets.Domain;

/// <summary>
/// The current state of one operator's approval over a wallet's tokens of one contract on one chain
/// (table <c>wallets.approvals</c>, keyed by all four), as set by the latest change in chain order.
/// </summary>
internal sealed class Approval
{
    public Guid WalletId { get; set; }

    public required string ChainId { get; set; }

    /// <summary>The token contract (lowercase address) whose tokens the operator may move.</summary>
    public required string Contract { get; set; }

    /// <summary>Lowercase address.</summary>
    public required string Operator { get; set; }

    /// <summary>What <see cref="Contract"/> is: one of <c>ApprovalStandards</c>.</summary>
    public required string Standard { get; set; }

    public bool Approved { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public required string TxHash { get; set; }

    /// <summary>With <see cref="LogIndex"/>, the chain position of the change that set this state: only a later one replaces it.</summary>
    public long BlockNumber { get; set; }

    public int LogIndex { get; set; }

    /// <summary>Block time of the change that set this state.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Every approval change recorded (table <c>wallets.approvals_history</c>); one row per wallet and log.</summary>
internal sealed class ApprovalChange
{
    public Guid Id { get; set; }

    public Guid WalletId { get; set; }

    public required string ChainId { get; set; }

    public required string Contract { get; set; }

    public required string Operator { get; set; }

    public required string Standard { get; set; }

    public bool Approved { get; set; }

    public required string TxHash { get; set; }

    public long BlockNumber { get; set; }

    /// <summary>
    /// The block the change was seen in: a reorg retracts blocks by hash, and the same log may come back in another
    /// block of the new branch (then it is another row).
    /// </summary>
    public required string BlockHash { get; set; }

    public int LogIndex { get; set; }

    /// <summary>Block time.</summary>
    public DateTimeOffset At { get; set; }
}
