using System.Collections.Concurrent;
using System.Text.Json;
using NftMarketplace.Modules.Auth.Siwe;

namespace NftMarketplace.UnitTests.Auth.Siwe;

/// <summary>
/// The public EIP-4361 conformance vectors, read from <c>../shared/vectors/siwe</c> beside the repository root
/// (in CI, the shared checkout next to the clone). A missing folder fails the tests: silently skipping
/// conformance would let the parser drift from the standard unnoticed.
/// </summary>
internal static class SiweVectors
{
    public const string ParsingPositive = "parsing_positive.json";
    public const string ParsingNegative = "parsing_negative.json";
    public const string ParsingNegativeObjects = "parsing_negative_objects.json";
    public const string VerificationPositive = "verification_positive.json";
    public const string VerificationNegative = "verification_negative.json";

    private const string SolutionFile = "NftMarketplace.sln";

    private static readonly Lazy<string> FolderPath = new(FindFolder);
    private static readonly ConcurrentDictionary<string, JsonElement> Files = new(StringComparer.Ordinal);

    public static string Folder => FolderPath.Value;

    /// <summary>One row per case, named, so each shows as its own test.</summary>
    public static TheoryData<string> CaseNames(string file)
    {
        var names = new TheoryData<string>();
        foreach (var property in Load(file).EnumerateObject())
        {
            names.Add(property.Name);
        }

        return names;
    }

    public static JsonElement Case(string file, string name) =>
        Load(file).TryGetProperty(name, out var vector)
            ? vector
            : throw new InvalidOperationException($"{file} has no case '{name}'");

    public static JsonElement Load(string file) =>
        Files.GetOrAdd(file, static name =>
        {
            var path = Path.Combine(Folder, name);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"SIWE vector file {path} is missing.", path);
            }

            using var document = JsonDocument.Parse(File.ReadAllText(path));
            return document.RootElement.Clone();
        });

    /// <summary>The vector's fields as loose text, as a client would send them: JSON numbers keep their literal text.</summary>
    public static SiweFields Fields(JsonElement vector) => new()
    {
        Scheme = Text(vector, "scheme"),
        Domain = Text(vector, "domain"),
        Address = Text(vector, "address"),
        Statement = Text(vector, "statement"),
        Uri = Text(vector, "uri"),
        Version = Text(vector, "version"),
        ChainId = Text(vector, "chainId"),
        Nonce = Text(vector, "nonce"),
        IssuedAt = Text(vector, "issuedAt"),
        ExpirationTime = Text(vector, "expirationTime"),
        NotBefore = Text(vector, "notBefore"),
        RequestId = Text(vector, "requestId"),
        Resources = vector.TryGetProperty("resources", out var resources) && resources.ValueKind == JsonValueKind.Array
            ? [.. resources.EnumerateArray().Select(resource => resource.GetString()!)]
            : null,
    };

    public static string? Text(JsonElement vector, string name) =>
        vector.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;

    private static string FindFolder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, SolutionFile)))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            throw new InvalidOperationException(
                $"Cannot find the repository root (the directory holding {SolutionFile}) above {AppContext.BaseDirectory}.");
        }

        var folder = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "vectors", "siwe"));
        return Directory.Exists(folder)
            ? folder
            : throw new DirectoryNotFoundException(
                $"The SIWE conformance vectors are missing: expected them in {folder}, i.e. ../shared/vectors/siwe beside the "
                + "repository root. Check out the shared folder next to the repository; these tests must not be skipped.");
    }
}
