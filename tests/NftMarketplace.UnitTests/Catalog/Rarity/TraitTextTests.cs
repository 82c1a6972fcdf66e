using NftMarketplace.Modules.Catalog.Rarity;

namespace NftMarketplace.UnitTests.Catalog.Rarity;

public sealed class TraitTextTests
{
    [Theory]
    [InlineData("Hat", "hat")]
    [InlineData("  Laser Eyes ", "laser eyes")]
    [InlineData("BACKGROUND\t", "background")]
    [InlineData("\u00a0Accessory 3\u2003", "accessory 3")]
    [InlineData("Glitch\u001f", "glitch")]
    [InlineData("\u001cGlitch", "glitch")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData("İstanbul", "i\u0307stanbul")]
    [InlineData("ΚΑΠΕΛΟΣ", "καπελος")]
    [InlineData("ΟΔΟΣ ", "οδος")]
    [InlineData("ΣΑ", "σα")]
    [InlineData("Σ", "σ")]
    [InlineData("ΑΣ'Β", "ασ'β")]
    [InlineData("Straße", "straße")]
    [InlineData("\U00010400", "\U00010428")]
    public void Lower_cases_and_trims_as_python_does(string text, string expected)
    {
        Assert.Equal(expected, TraitText.Normalize(text));
    }

    [Fact]
    public void Text_already_normalized_is_returned_as_is()
    {
        const string text = "laser eyes";

        Assert.Same(text, TraitText.Normalize(text));
    }
}
