namespace NftMarketplace.IntegrationTests.Catalog.Reading;

/// <summary>
/// A small catalog, as the consumers and workers would have written it. Collection <see cref="Art"/> (ERC-721):
/// tokens 1–6 with traits Background (Blue, Red, Green) and Hat (Cap, Crown) and a numeric Level; token 4 is spam,
/// token 5 burned, token 6 neither ranked nor fetched yet, token 3's metadata failed. Collection <see cref="Items"/>
/// (ERC-1155): id 7 held by three addresses.
/// </summary>
internal static class CatalogSeed
{
    public const string Art = "0xa000000000000000000000000000000000000001";
    public const string Items = "0xb000000000000000000000000000000000000002";
    public const string Creator = "0xc000000000000000000000000000000000000003";
    public const string Alice = "0x00000000000000000000000000000000000a11ce";
    public const string Bob = "0x0000000000000000000000000000000000000b0b";
    public const string Carol = "0x00000000000000000000000000000000000ca401";
    public const string Hash = "0x1111111111111111111111111111111111111111111111111111111111111111";

    private const string AttributesOne =
        """[{"traitType":"Background","value":"Blue","displayType":null},{"traitType":"Hat","value":"Cap","displayType":null},{"traitType":"Level","value":"5","displayType":"number"}]""";

    public static string Tx(int n) => "0x" + n.ToString("x64", System.Globalization.CultureInfo.InvariantCulture);

    public static readonly string Sql = $"""
        INSERT INTO catalog.collections (chain_id, address, standard, source, creator, owner, name, symbol, slug, description, image_url, banner_url,
          royalty_receiver, royalty_bps, max_supply, deployed_block, deployed_log_index, total_minted, created_at, updated_at)
        VALUES ('{CatalogReadTest.Chain}', '{Art}', 'erc721', 'factory', '{Creator}', '{Creator}', 'Art', 'ART', 'art', 'Pictures', 'https://img/art.png',
                'https://img/banner.png', '{Creator}', 250, 10000, 5, 0, 6, '2026-01-01T00:00:00Z', now()),
               ('{CatalogReadTest.Chain}', '{Items}', 'erc1155', 'tracked', NULL, NULL, 'Items', NULL, 'items', NULL, NULL, NULL,
                NULL, 0, NULL, 6, 0, 1, '2026-01-02T00:00:00Z', now());

        INSERT INTO catalog.tokens (chain_id, contract, token_id, standard, owner, supply, burned, minted_block, minted_at, minted_tx_hash, created_at, updated_at)
        VALUES ('{CatalogReadTest.Chain}', '{Art}', 1, 'erc721', '{Alice}', 1, false, 10, '2026-01-10T00:00:00Z', '{Tx(1)}', now(), now()),
               ('{CatalogReadTest.Chain}', '{Art}', 2, 'erc721', '{Bob}', 1, false, 11, '2026-01-11T00:00:00Z', '{Tx(2)}', now(), now()),
               ('{CatalogReadTest.Chain}', '{Art}', 3, 'erc721', '{Alice}', 1, false, 12, '2026-01-12T00:00:00Z', '{Tx(3)}', now(), now()),
               ('{CatalogReadTest.Chain}', '{Art}', 4, 'erc721', '{Bob}', 1, false, 13, '2026-01-13T00:00:00Z', '{Tx(4)}', now(), now()),
               ('{CatalogReadTest.Chain}', '{Art}', 5, 'erc721', NULL, 0, true, 14, '2026-01-14T00:00:00Z', '{Tx(5)}', now(), now()),
               ('{CatalogReadTest.Chain}', '{Art}', 6, 'erc721', '{Alice}', 1, false, 15, '2026-01-15T00:00:00Z', '{Tx(6)}', now(), now()),
               ('{CatalogReadTest.Chain}', '{Items}', 7, 'erc1155', NULL, 9, false, 20, '2026-01-20T00:00:00Z', '{Tx(7)}', now(), now());

        INSERT INTO catalog.token_balances (chain_id, contract, token_id, owner, quantity, updated_at)
        VALUES ('{CatalogReadTest.Chain}', '{Art}', 1, '{Alice}', 1, now()), ('{CatalogReadTest.Chain}', '{Art}', 2, '{Bob}', 1, now()),
               ('{CatalogReadTest.Chain}', '{Art}', 3, '{Alice}', 1, now()), ('{CatalogReadTest.Chain}', '{Art}', 4, '{Bob}', 1, now()),
               ('{CatalogReadTest.Chain}', '{Art}', 6, '{Alice}', 1, now()),
               ('{CatalogReadTest.Chain}', '{Items}', 7, '{Alice}', 5, now()), ('{CatalogReadTest.Chain}', '{Items}', 7, '{Bob}', 3, now()),
               ('{CatalogReadTest.Chain}', '{Items}', 7, '{Carol}', 1, now());

        INSERT INTO catalog.collection_stats (chain_id, address, items_count, owners_count, floor_price, volume, sales_count, updated_at)
        VALUES ('{CatalogReadTest.Chain}', '{Art}', 5, 2, NULL, 0, 0, now()), ('{CatalogReadTest.Chain}', '{Items}', 1, 3, 7, 100, 2, now());

        INSERT INTO catalog.metadata_docs (chain_id, contract, token_id, token_uri, status, error_code, error, name, description, image_url, animation_url,
          attributes, attempts, updated_at)
        VALUES ('{CatalogReadTest.Chain}', '{Art}', 1, 'ipfs://one', 'OK', NULL, NULL, 'One', 'The first', 'https://img/1.png', 'https://img/1.mp4',
                '{AttributesOne}', 1, now()),
               ('{CatalogReadTest.Chain}', '{Art}', 2, 'ipfs://two', 'OK', NULL, NULL, 'Two', NULL, NULL, NULL, '[]', 1, now()),
               ('{CatalogReadTest.Chain}', '{Art}', 3, 'https://bad', 'FAILED', 'INVALID_JSON', 'Unexpected end of document', NULL, NULL, NULL, NULL, '[]', 3, now());

        INSERT INTO catalog.traits (chain_id, contract, normalized_name, name, value_type, display_type, max_value)
        VALUES ('{CatalogReadTest.Chain}', '{Art}', 'background', 'Background', 'string', NULL, NULL),
               ('{CatalogReadTest.Chain}', '{Art}', 'hat', 'Hat', 'string', NULL, NULL),
               ('{CatalogReadTest.Chain}', '{Art}', 'level', 'Level', 'number', 'number', 10);
        INSERT INTO catalog.trait_values (chain_id, contract, normalized_name, normalized_value, value, count)
        VALUES ('{CatalogReadTest.Chain}', '{Art}', 'background', 'blue', 'Blue', 2), ('{CatalogReadTest.Chain}', '{Art}', 'background', 'red', 'Red', 2),
               ('{CatalogReadTest.Chain}', '{Art}', 'background', 'green', 'Green', 1), ('{CatalogReadTest.Chain}', '{Art}', 'hat', 'cap', 'Cap', 2),
               ('{CatalogReadTest.Chain}', '{Art}', 'hat', 'crown', 'Crown', 3);
        INSERT INTO catalog.token_traits (chain_id, contract, token_id, normalized_name, normalized_value, value_number)
        SELECT '{CatalogReadTest.Chain}', '{Art}', t, n, v, x FROM (VALUES
          (1, 'background', 'blue', NULL::float8), (1, 'hat', 'cap', NULL), (1, 'level', '5', 5),
          (2, 'background', 'red', NULL), (2, 'hat', 'cap', NULL), (2, 'level', '10', 10),
          (3, 'background', 'blue', NULL), (3, 'hat', 'crown', NULL), (3, 'level', '7', 7),
          (4, 'background', 'green', NULL), (4, 'hat', 'crown', NULL), (4, 'level', '1', 1),
          (6, 'background', 'red', NULL), (6, 'hat', 'crown', NULL)) AS x(t, n, v, x);

        INSERT INTO catalog.token_rarity (chain_id, contract, token_id, score, rank, method, computed_at)
        VALUES ('{CatalogReadTest.Chain}', '{Art}', 1, 0.9, 3, 'openrarity', now()), ('{CatalogReadTest.Chain}', '{Art}', 2, 1.5, 1, 'openrarity', now()),
               ('{CatalogReadTest.Chain}', '{Art}', 3, 1.2, 2, 'openrarity', now()), ('{CatalogReadTest.Chain}', '{Art}', 4, 0.5, 4, 'openrarity', now());

        INSERT INTO catalog.nft_flags (chain_id, contract, token_id, is_spam, is_nsfw, is_frozen, reason, updated_at)
        VALUES ('{CatalogReadTest.Chain}', '{Art}', 4, true, false, false, 'copied art', now());

        INSERT INTO catalog.activities (chain_id, tx_hash, log_index, batch_index, type, contract, token_id, from_address, to_address, quantity, price,
          block_number, block_hash, block_time)
        SELECT '{CatalogReadTest.Chain}', '0x' || lpad(to_hex(t), 64, '0'), 0, 0, 'MINT', '{Art}', t, '0x0000000000000000000000000000000000000000',
               CASE WHEN t IN (2, 4) THEN '{Bob}' ELSE '{Alice}' END, 1, NULL, 9 + t, '{Hash}', '2026-01-01T00:00:00Z'::timestamptz + t * interval '1 day'
        FROM generate_series(1, 6) AS t;
        INSERT INTO catalog.activities (chain_id, tx_hash, log_index, batch_index, type, contract, token_id, from_address, to_address, quantity, price,
          block_number, block_hash, block_time)
        VALUES ('{CatalogReadTest.Chain}', '{Tx(16)}', 1, 0, 'TRANSFER', '{Art}', 2, '{Carol}', '{Bob}', 1, NULL, 16, '{Hash}', '2026-01-16T00:00:00Z'),
               ('{CatalogReadTest.Chain}', '{Tx(17)}', 2, 0, 'BURN', '{Art}', 5, '{Alice}', '0x0000000000000000000000000000000000000000', 1, NULL, 17, '{Hash}', '2026-01-17T00:00:00Z'),
               ('{CatalogReadTest.Chain}', '{Tx(20)}', 0, 0, 'MINT', '{Items}', 7, '0x0000000000000000000000000000000000000000', '{Alice}', 9, NULL, 20, '{Hash}', '2026-01-20T00:00:00Z');
        """;
}
