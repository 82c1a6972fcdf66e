using System.Reflection;
using System.Xml.Linq;

namespace NftMarketplace.ArchitectureTests;

/// <summary>
/// A module's public project is what other modules compile against, so it carries no infrastructure: only the
/// abstractions (requests, integration events, Ethereum primitives, error codes).
/// </summary>
public sealed class PublicProjectTests
{
    public static TheoryData<string> PublicProjects =>
        [.. Solution.ProjectFiles("src/Modules").Select(Path.GetFileNameWithoutExtension).Where(n => Solution.IsPublicProject(n!)).Select(n => n!)];

    [Theory]
    [MemberData(nameof(PublicProjects))]
    public void A_public_project_references_only_the_abstractions(string name)
    {
        var project = Solution.ProjectFiles("src/Modules").Single(p => Path.GetFileNameWithoutExtension(p) == name);

        Assert.Equal([Solution.Abstractions.GetName().Name!], Solution.ProjectReferences(project));
        Assert.Empty(XDocument.Load(project).Descendants("PackageReference"));
        Assert.Empty(XDocument.Load(project).Descendants("FrameworkReference"));
        Assert.Empty(ForeignReferences(Assembly.Load(name)));
    }

    [Fact]
    public void The_rule_catches_a_public_project_that_depends_on_infrastructure()
    {
        // The building blocks reference EF Core, RabbitMQ, Redis and Nethereum: the rule applied to them must say so.
        var foreign = ForeignReferences(Solution.BuildingBlocks);

        Assert.Contains("RabbitMQ.Client", foreign);
        Assert.Contains("Microsoft.EntityFrameworkCore", foreign);
    }

    [Fact]
    public void The_abstractions_reference_no_package()
    {
        Assert.Empty(ForeignReferences(Solution.Abstractions));
    }

    /// <summary>Referenced assemblies other than the runtime's and the abstractions.</summary>
    private static List<string> ForeignReferences(Assembly assembly) =>
        [.. assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n != Solution.Abstractions.GetName().Name
                && !n.StartsWith("System", StringComparison.Ordinal)
                && n != "netstandard"
                && n != "mscorlib")];
}
