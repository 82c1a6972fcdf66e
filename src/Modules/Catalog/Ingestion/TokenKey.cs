namespace NftMarketplace.Modules.Catalog.Ingestion;

/// <summary>One token of a chain: its contract (0x lowercase) and its id as a decimal string.</summary>
internal readonly record struct TokenKey(string Contract, string TokenId);
