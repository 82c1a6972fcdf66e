using GraphQL.Types;
using NftMarketplace.GraphQL.Composition;

namespace NftMarketplace.UnitTests.GraphQL;

/// <summary>One module's fields on another module's type: <see cref="IGraphTypeExtension"/>.</summary>
public sealed class GraphTypeExtensionTests
{
    [Fact]
    public async Task An_extension_adds_fields_of_its_own_types_after_the_owners_fields()
    {
        await using var host = await GraphQLTestHost.StartAsync(configure: builder => builder
            .AddGraphQLContributor<PeopleFields>()
            .AddGraphTypeExtension<PetsOfPeople>()
            .AddGraphTypeExtension<NicknameOfPeople>());

        var response = await host.PostQueryAsync("{ person { name pets { name } nickname } }");

        var person = response.Data.GetProperty("person");
        Assert.Equal("Ada", person.GetProperty("name").GetString());
        Assert.Equal("Rex", person.GetProperty("pets")[0].GetProperty("name").GetString());
        Assert.Equal("ada!", person.GetProperty("nickname").GetString());
        var schema = (ISchema)host.Services.GetService(typeof(ISchema))!;
        Assert.Equal(["name", "pets", "nickname"], ((IObjectGraphType)schema.AllTypes["Person"]!).Fields.Select(f => f.Name));
    }

    [Fact]
    public async Task An_extension_registered_twice_applies_once()
    {
        await using var host = await GraphQLTestHost.StartAsync(configure: builder => builder
            .AddGraphQLContributor<PeopleFields>()
            .AddGraphTypeExtension<PetsOfPeople>()
            .AddGraphTypeExtension<PetsOfPeople>());

        var response = await host.PostQueryAsync("{ person { pets { name } } }");

        Assert.Equal("Rex", response.Data.GetProperty("person").GetProperty("pets")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task An_extension_of_a_type_that_is_not_in_the_schema_stops_start_up()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => GraphQLTestHost.StartAsync(configure: builder => builder
            .AddGraphQLContributor<PeopleFields>()
            .AddGraphTypeExtension<LeashOfDogs>()));

        Assert.Contains("LeashOfDogs extends 'Dog', which is not an object type of the schema.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_extension_of_a_type_that_never_applies_extensions_stops_start_up()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => GraphQLTestHost.StartAsync(configure: builder => builder
            .AddGraphQLContributor<PeopleFields>()
            .AddGraphTypeExtension<PetsOfPeople>()
            .AddGraphTypeExtension<OwnerOfPets>()));

        Assert.Contains("OwnerOfPets extends 'Pet', whose graph type (PetType) never calls ApplyExtensions.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_extension_field_clashing_with_the_owners_stops_start_up()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => GraphQLTestHost.StartAsync(configure: builder => builder
            .AddGraphQLContributor<PeopleFields>()
            .AddGraphTypeExtension<SecondNameOfPeople>()));

        Assert.Contains("name", error.ToString(), StringComparison.Ordinal);
    }

    public sealed record Person(string Name);

    public sealed record Pet(string Name, string OwnerName);

    private sealed class PeopleFields : IGraphQLContributor
    {
        public void Contribute(GraphQLRoots roots) =>
            roots.Query.Field<PersonType>("person").Resolve(_ => new Person("Ada"));
    }

    public sealed class PersonType : ObjectGraphType<Person>
    {
        public PersonType(IEnumerable<IGraphTypeExtension> extensions)
        {
            Name = "Person";
            Field(p => p.Name);
            this.ApplyExtensions(extensions);
        }
    }

    /// <summary>Owned by "another module"; applies no extensions.</summary>
    public sealed class PetType : ObjectGraphType<Pet>
    {
        public PetType()
        {
            Name = "Pet";
            Field(p => p.Name);
        }
    }

    private sealed class PetsOfPeople() : GraphTypeExtension<Person>("Person")
    {
        protected override void Extend(ObjectGraphType<Person> type) =>
            type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PetType>>>>("pets")
                .Resolve(context => new[] { new Pet("Rex", context.Source.Name) });
    }

    private sealed class NicknameOfPeople() : GraphTypeExtension<Person>("Person")
    {
        protected override void Extend(ObjectGraphType<Person> type) =>
            type.Field<StringGraphType>("nickname").Resolve(context => context.Source.Name.ToLowerInvariant() + "!");
    }

    private sealed class SecondNameOfPeople() : GraphTypeExtension<Person>("Person")
    {
        protected override void Extend(ObjectGraphType<Person> type) =>
            type.Field<StringGraphType>("name").Resolve(_ => "clash");
    }

    private sealed class LeashOfDogs() : GraphTypeExtension<Person>("Dog")
    {
        protected override void Extend(ObjectGraphType<Person> type) => type.Field<StringGraphType>("leash");
    }

    private sealed class OwnerOfPets() : GraphTypeExtension<Pet>("Pet")
    {
        protected override void Extend(ObjectGraphType<Pet> type) => type.Field<StringGraphType>("owner").Resolve(c => c.Source.OwnerName);
    }
}
