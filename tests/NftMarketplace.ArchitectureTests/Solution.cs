using System.Reflection;
using System.Xml.Linq;
using NftMarketplace.BuildingBlocks.Hosting;
using NftMarketplace.GraphQL;

namespace NftMarketplace.ArchitectureTests;

/// <summary>The assemblies and project files the rules speak about.</summary>
internal static class Solution
{
    public const string ModulesNamespace = "NftMarketplace.Modules";
    public const string PublicProjectSuffix = ".Contracts";

    /// <summary>Requests, integration events, Ethereum primitives and error codes: all a public project may use.</summary>
    public static Assembly Abstractions { get; } = typeof(NftMarketplace.BuildingBlocks.Ethereum.ChainId).Assembly;

    public static Assembly BuildingBlocks { get; } = typeof(PlatformExtensions).Assembly;

    public static Assembly GraphQL { get; } = typeof(GraphQLGateway).Assembly;

    /// <summary>Shared mechanics every module may use; none of them may know a module.</summary>
    public static IReadOnlyList<Assembly> BuildingBlockAssemblies { get; } =
        [Abstractions, BuildingBlocks, GraphQL, typeof(NftMarketplace.SmartContracts.ContractArtifact).Assembly];

    public static IReadOnlySet<string> BuildingBlockProjects { get; } =
        BuildingBlockAssemblies.Select(a => a.GetName().Name!).ToHashSet(StringComparer.Ordinal);

    public static Assembly Host { get; } = typeof(Program).Assembly;

    /// <summary>Every module assembly, found through the Host that composes them.</summary>
    public static IReadOnlyList<Assembly> Modules { get; } =
        [.. Host.GetReferencedAssemblies()
            .Where(a => a.Name!.StartsWith(ModulesNamespace + ".", StringComparison.Ordinal))
            .Select(Assembly.Load)
            .OrderBy(a => a.GetName().Name, StringComparer.Ordinal)];

    /// <summary>Every project under <c>src/Modules</c>, implementation or public, loaded by name.</summary>
    public static IReadOnlyList<Assembly> AllModuleProjects =>
        [.. ProjectFiles("src/Modules").Select(p => Assembly.Load(Path.GetFileNameWithoutExtension(p))).OrderBy(a => a.GetName().Name, StringComparer.Ordinal)];

    public static bool IsPublicProject(string assemblyName) => assemblyName.EndsWith(PublicProjectSuffix, StringComparison.Ordinal);

    public static string Root { get; } = FindRoot();

    /// <summary>The names of the projects a project file references.</summary>
    public static IEnumerable<string> ProjectReferences(string projectFile) =>
        XDocument.Load(projectFile).Descendants("ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value.Replace('\\', '/')));

    public static IEnumerable<string> ProjectFiles(string relativeFolder) =>
        Directory.EnumerateFiles(Path.Combine(Root, relativeFolder), "*.csproj", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NftMarketplace.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("NftMarketplace.sln not found above the test binaries.");
    }
}
