namespace NftMarketplace.Modules.Media.Inspection;

/// <summary>What the header of an upload says: its format and, for images, its size and frame count.</summary>
internal sealed record Inspected(MediaFormat Format, int? Width = null, int? Height = null, int Frames = 1);
