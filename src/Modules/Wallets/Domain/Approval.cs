namespace NftMarketplace.Modules.Wallets.Domain;

/// <summary>
/// The current state of one operator's approval over a wallet's tokens of one standard on one chain
/// (table <c>wallets.approvals</c>, keyed by all four).
/// </summary>
internal sealed class Approval
{
    public Guid WalletId { get; set; }

    public required string ChainId { get; set; }

    /// <summary>Lowercase address.</summary>
    public required string Operator { get; set; }

    /// <summary>One of <c>ApprovalStandards</c>.</summary>
    public required string Standard { get; set; }

    public bool Approved { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public required string TxHash { get; set; }

    /// <summary>Chain time of the transaction that set this state; an older one arriving late only goes into history.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Every approval change recorded (table <c>wallets.approvals_history</c>); one row per wallet and transaction.</summary>
internal sealed class ApprovalChange
{
    public Guid Id { get; set; }

    public Guid WalletId { get; set; }

    public required string ChainId { get; set; }

    public required string Operator { get; set; }

    public required string Standard { get; set; }

    public bool Approved { get; set; }

    public required string TxHash { get; set; }

    public DateTimeOffset At { get; set; }
}
