using NftMarketplace.BuildingBlocks.Errors;

namespace NftMarketplace.Modules.Orchestration.Domain;

/// <summary>
/// A transaction the platform prepared for a user (table <c>orchestration.tx_intents</c>). Its status only moves the
/// ways <see cref="IntentTransitions"/> allows; every other move is a <c>CONFLICT</c>.
/// </summary>
internal sealed class TxIntent
{
    public Guid IntentId { get; set; }

    public IntentKind Kind { get; set; }

    /// <summary>CAIP-2.</summary>
    public required string ChainId { get; set; }

    /// <summary>CREATE_COLLECTION: the CREATE2 address, lowercase.</summary>
    public string? PreviewAddress { get; set; }

    /// <summary>Lowercase <c>0x</c> hash, once tracked.</summary>
    public string? TxHash { get; set; }

    public IntentStatus Status { get; set; }

    /// <summary>The user who prepared it; the only one who may track it, read it or watch it.</summary>
    public Guid CreatedBy { get; set; }

    /// <summary>The request as the user made it (JSON), kept for the record and for support.</summary>
    public required string ReqPayloadJson { get; set; }

    /// <summary>The transaction handed out (<see cref="PreparedTx"/> as JSON): what a tracked transaction must match.</summary>
    public required string TxRequestJson { get; set; }

    /// <summary>FAILED / EXPIRED: why.</summary>
    public string? Error { get; set; }

    /// <summary>MINT: the collection. CREATE_COLLECTION: the deployed collection once confirmed. Lowercase.</summary>
    public string? Contract { get; set; }

    /// <summary>MINT: the minted token ids (decimal) once confirmed.</summary>
    public string[]? TokenIds { get; set; }

    /// <summary>The caller's retry key; unique per creator.</summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>The tracked transaction's nonce: another transaction of the sender mined with it replaced this one.</summary>
    public long? TxNonce { get; set; }

    public DateTimeOffset DeadlineAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The transaction was sent and matches: PENDING. The same hash again changes nothing.</summary>
    /// <returns>Whether the intent changed.</returns>
    public bool Track(string txHash, long nonce, DateTimeOffset now)
    {
        if (Status == IntentStatus.Pending && TxHash == txHash)
        {
            return false;
        }

        if (TxHash is not null && TxHash != txHash)
        {
            throw new AppException(ErrorCode.Conflict, $"The intent already tracks transaction {TxHash}.");
        }

        Move(IntentStatus.Pending, now);
        TxHash = txHash;
        TxNonce = nonce;
        return true;
    }

    public void Confirm(string? contract, IReadOnlyList<string>? tokenIds, DateTimeOffset now)
    {
        Move(IntentStatus.Confirmed, now);
        Contract = contract ?? Contract;
        TokenIds = tokenIds is null ? TokenIds : [.. tokenIds];
    }

    public void Fail(string reason, DateTimeOffset now)
    {
        Move(IntentStatus.Failed, now);
        Error = reason;
    }

    public void Expire(DateTimeOffset now)
    {
        Move(IntentStatus.Expired, now);
        Error = "No transaction was tracked before the deadline.";
    }

    /// <summary>The catalog shows the result: READY, with the collection's address or the minted ids as the catalog has them.</summary>
    public void MarkReady(string? contract, IReadOnlyList<string>? tokenIds, DateTimeOffset now)
    {
        Move(IntentStatus.Ready, now);
        Contract = contract ?? Contract;
        TokenIds = tokenIds is null ? TokenIds : [.. tokenIds];
    }

    /// <summary>
    /// A reorg took away what made the intent CONFIRMED or READY: back to PENDING, for the receipt watcher to look at
    /// the transaction again on the chain as it is now (mined again: CONFIRMED, then READY once the catalog shows it;
    /// gone: FAILED as dropped). The one move backwards, outside <see cref="IntentTransitions"/>: no client asks for it.
    /// </summary>
    /// <returns>Whether the intent changed.</returns>
    public bool Reopen(DateTimeOffset now)
    {
        if (Status is not (IntentStatus.Confirmed or IntentStatus.Ready))
        {
            return false;
        }

        Status = IntentStatus.Pending;
        TokenIds = Kind == IntentKind.Mint ? null : TokenIds;
        UpdatedAt = now;
        return true;
    }

    private void Move(IntentStatus to, DateTimeOffset now)
    {
        if (!IntentTransitions.IsAllowed(Status, to))
        {
            throw new AppException(ErrorCode.Conflict, $"The intent is {Status.Name()}; it cannot become {to.Name()}.");
        }

        Status = to;
        UpdatedAt = now;
    }
}
