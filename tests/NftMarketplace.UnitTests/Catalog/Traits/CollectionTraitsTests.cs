using NftMarketplace.Modules.Catalog.Metadata;
using NftMarketplace.Modules.Catalog.Rarity;
using NftMarketplace.Modules.Catalog.Traits;

namespace NftMarketplace.UnitTests.Catalog.Traits;

public sealed class CollectionTraitsTests
{
    [Fact]
    public void Values_are_counted_once_per_token_under_their_grouped_forms_keeping_the_first_form_seen()
    {
        var traits = new CollectionTraits();
        traits.Add("""[{"traitType":"Hat","value":"Cap","valueType":"string"},{"traitType":"Level","value":"3","valueType":"number","displayType":"number","maxValue":5}]""");
        traits.Add("""[{"traitType":"hat ","value":"CAP","valueType":"string"},{"traitType":"Level","value":"4","valueType":"number","maxValue":9}]""");
        traits.Add("""[{"traitType":"HAT","value":"Crown","valueType":"string"},{"traitType":"HAT","value":"Cap","valueType":"string"}]""");
        traits.Add("[]");

        Assert.Equal(
            [("hat", "cap", "Cap", 3), ("level", "3", "3", 1), ("level", "4", "4", 1)],
            traits.Values.Select(v => (v.NormalizedName, v.NormalizedValue, v.Value, v.Count)).Order());
        var hat = traits.Traits.Single(t => t.NormalizedName == "hat");
        var level = traits.Traits.Single(t => t.NormalizedName == "level");
        Assert.Equal(("Hat", "string", (string?)null, (double?)null), (hat.Name, hat.ValueType, hat.DisplayType, hat.MaxValue));
        Assert.Equal(("Level", "number", "number", 9d), (level.Name, level.ValueType, level.DisplayType, level.MaxValue));
    }

    [Fact]
    public void The_ranker_gets_every_token_with_its_attributes_as_stored()
    {
        var traits = new CollectionTraits();
        traits.Add("""[{"traitType":"Hat","value":"Cap","valueType":"string"},{"traitType":"Born","value":"1546360800","valueType":"date"}]""");
        traits.Add("[]");

        Assert.Equal(2, traits.RankerInput.Count);
        Assert.Equal([new RarityTrait("Hat", "Cap"), new RarityTrait("Born", "1546360800", TraitValueKind.Date)], traits.RankerInput[0]);
        Assert.Empty(traits.RankerInput[1]);
        Assert.Equal("date", traits.Traits.Single(t => t.NormalizedName == "born").ValueType);
    }
}
