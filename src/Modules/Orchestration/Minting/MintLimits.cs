using FluentValidation;

namespace NftMarketplace.Modules.Orchestration.Minting;

/// <summary>Bounds of one mint transaction, shared by both standards.</summary>
internal static class MintLimits
{
    /// <summary>Tokens (or ids) per transaction: 100 ERC-721 tokens cost about 11.7 M gas, within a block's limit.</summary>
    public const int MaxItems = 100;

    public const int MaxUriLength = 2048;

    public static IRuleBuilderOptions<T, string?> MintableUri<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(MaxUriLength)
            .Must(u => u is null || !u.Any(char.IsControl)).WithMessage("The URI must not contain control characters.");
}
