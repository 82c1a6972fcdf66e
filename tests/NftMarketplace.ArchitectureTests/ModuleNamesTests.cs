using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;

namespace NftMarketplace.ArchitectureTests;

/// <summary>
/// The building blocks give the mechanism; the names belong to the modules. No type, string or constant of the
/// building blocks or the abstractions may name a module — no <c>wallets.events</c>, no <c>siwe:nonce:</c> key, no
/// <c>UsersSomething</c>. (The GraphQL building block is held to the type rule in <see cref="LayeringTests"/>; its
/// <c>Auth</c> namespace is authentication, not the module.)
/// </summary>
public sealed partial class ModuleNamesTests
{
    /// <summary>A constant a building block must not hold: the rule below has to find it in this assembly.</summary>
    internal const string ViolatingExample = "wallets.events";

    public static TheoryData<string> Mechanisms => [Solution.BuildingBlocks.GetName().Name!, Solution.Abstractions.GetName().Name!];

    [Theory]
    [MemberData(nameof(Mechanisms))]
    public void Building_blocks_name_no_module(string name)
    {
        var assembly = new[] { Solution.BuildingBlocks, Solution.Abstractions }.Single(a => a.GetName().Name == name);

        var found = ModuleNamesIn(assembly);

        Assert.True(found.Count == 0, "Names a module: " + string.Join(", ", found));
    }

    [Fact]
    public void The_rule_catches_a_string_naming_a_module()
    {
        var found = ModuleNamesIn(typeof(ModuleNamesTests).Assembly);

        Assert.Contains(ViolatingExample, found);
    }

    [Fact]
    public void The_module_words_come_from_the_modules()
    {
        Assert.Contains("wallets", ModuleWords);
        Assert.Contains("wallet", ModuleWords);
        Assert.Contains("registry", ModuleWords);
        Assert.Equal(8, Solution.Modules.Count(m => !Solution.IsPublicProject(m.GetName().Name!)));
    }

    /// <summary>Module names as words, plural and singular: <c>wallets</c>, <c>wallet</c>, <c>auth</c>, …</summary>
    private static HashSet<string> ModuleWords { get; } =
        [.. Solution.Modules
            .Select(m => m.GetName().Name!)
            .Where(n => !Solution.IsPublicProject(n))
            .Select(n => n[(Solution.ModulesNamespace.Length + 1)..].ToLowerInvariant())
            .SelectMany(n => n.EndsWith('s') ? new[] { n, n[..^1] } : [n])];

    /// <summary>Type names, string literals and string constants of <paramref name="assembly"/> that contain a module word.</summary>
    private static List<string> ModuleNamesIn(Assembly assembly) =>
        [.. TypeNames(assembly).Concat(Strings(assembly)).Where(text => Words(text).Any(ModuleWords.Contains)).Distinct()];

    private static IEnumerable<string> TypeNames(Assembly assembly) =>
        assembly.GetTypes().Where(t => !t.Name.StartsWith('<')).Select(t => t.FullName!);

    /// <summary>Every string the code uses (the user-string heap) and every string constant it declares.</summary>
    private static List<string> Strings(Assembly assembly)
    {
        using var stream = File.OpenRead(assembly.Location);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var strings = new List<string>();
        var handle = MetadataTokens.UserStringHandle(1);
        while (!handle.IsNil)
        {
            strings.Add(metadata.GetUserString(handle));
            handle = metadata.GetNextHandle(handle);
        }

        foreach (var fieldHandle in metadata.FieldDefinitions)
        {
            var constant = metadata.GetFieldDefinition(fieldHandle).GetDefaultValue();
            if (!constant.IsNil && metadata.GetConstant(constant) is { TypeCode: ConstantTypeCode.String } text)
            {
                var blob = metadata.GetBlobReader(text.Value);
                strings.Add(blob.ReadUTF16(blob.Length));
            }
        }

        return strings;
    }

    /// <summary>
    /// Words of a name or text: split at anything but letters and at lower-to-upper case changes. All-capital words are
    /// left out: they are the wire names of error codes (<c>BAD_USER_INPUT</c>, <c>UNAUTHENTICATED</c>), which are about
    /// the caller, not a module.
    /// </summary>
    private static IEnumerable<string> Words(string text) =>
        WordPattern().Matches(text).Select(m => m.Value.ToLowerInvariant());

    [GeneratedRegex("[A-Z]?[a-z]+")]
    private static partial Regex WordPattern();
}
