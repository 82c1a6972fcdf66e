using System.Globalization;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace NftMarketplace.SmartContracts.Reverts;

/// <summary>One argument of a decoded revert, e.g. <c>account</c> of <c>NotMinter(address account)</c>.</summary>
public sealed record ContractErrorArgument(string Name, string Type, object? Value);

/// <summary>
/// A call or transaction the contract rejected, decoded against the ABIs of every artifact (custom errors, a revert
/// string as <c>Error(string)</c>, <c>Panic(uint256)</c>).
/// </summary>
public sealed class ContractRevertException : Exception
{
    public ContractRevertException(string errorName, IReadOnlyList<ContractErrorArgument> arguments, string revertData, Exception? innerException)
        : base(Describe(errorName, arguments, revertData), innerException)
    {
        ErrorName = errorName;
        Arguments = arguments;
        RevertData = revertData;
    }

    /// <summary>e.g. <c>NotMinter</c>; empty when the revert carried no data or an error none of the ABIs declares.</summary>
    public string ErrorName { get; }

    public IReadOnlyList<ContractErrorArgument> Arguments { get; }

    /// <summary>The revert data as the node returned it, <c>0x</c>-prefixed.</summary>
    public string RevertData { get; }

    public bool Is<TError>()
        where TError : class, IErrorDTO, new() =>
        RevertData.Length >= 10 && RevertData.IsExceptionEncodedDataForError<TError>();

    /// <summary>The revert as its typed error DTO.</summary>
    /// <exception cref="InvalidOperationException">The revert is another error.</exception>
    public TError Decode<TError>()
        where TError : class, IErrorDTO, new() =>
        Is<TError>()
            ? RevertData.DecodeExceptionEncodedData<TError>()
            : throw new InvalidOperationException($"The revert is {Message}, not {typeof(TError).Name}.");

    private static string Describe(string errorName, IReadOnlyList<ContractErrorArgument> arguments, string revertData) =>
        errorName.Length == 0
            ? revertData.Length <= 2
                ? "The contract reverted without data (out of gas, or a revert without a reason)"
                : $"The contract reverted with data no artifact declares: {revertData}"
            : $"The contract reverted with {errorName}({string.Join(", ", arguments.Select(a => $"{a.Name}: {Format(a.Value)}"))})";

    private static string Format(object? value) => value switch
    {
        byte[] bytes => "0x" + Convert.ToHexStringLower(bytes),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "null",
    };
}
