using System;
using System.Numerics;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NftMarketplace.Modules.Catalog.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CatalogModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "activities",
                schema: "catalog",
                columns: table => new
                {
                    chain_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    tx_hash = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: false),
                    log_index = table.Column<int>(type: "integer", nullable: false),
                    batch_index = table.Column<int>(type: "integer", nullable: false),
                    type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    contract = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: false),
                    token_id = table.Column<BigInteger>(type: "numeric(78,0)", nullable: true),
                    from_address = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: true),
                    to_address = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: true),
                    quantity = table.Column<BigInteger>(type: "numeric(78,0)", nullable: true),
                    price = table.Column<BigInteger>(type: "numeric(78,0)", nullable: true),
                    block_number = table.Column<long>(type: "bigint", nullable: false),
                    block_hash = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: false),
                    block_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_activities", x => new { x.chain_id, x.tx_hash, x.log_index, x.batch_index });
                });

            migrationBuilder.CreateTable(
                name: "collection_dirty",
                schema: "catalog",
                columns: table => new
                {
                    chain_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    address = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: false),
                    dirty_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reason = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_collection_dirty", x => new { x.chain_id, x.address });
                });

            migrationBuilder.CreateTable(
                name: "collection_roles",
                schema: "catalog",
                columns: table => new
                {
                    chain_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    address = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: false),
                    role = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: false),
                    account = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: false),
                    granted_block = table.Column<long>(type: "bigint", nullable: false),
                    granted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_collection_roles", x => new { x.chain_id, x.address, x.role, x.account });
                });

            migrationBuilder.CreateTable(
                name: "collection_setting_facts",
                schema: "catalog",
                columns: table => new
                {
                    chain_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    tx_hash = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: false),
                    log_index = table.Column<int>(type: "integer", nullable: false),
                    contract = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    royalty_receiver = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: true),
                    royalty_bps = table.Column<int>(type: "integer", nullable: true),
                    account = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: true),
                    previous_account = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: true),
                    role = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: true),
                    sender = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: true),
                    block_number = table.Column<long>(type: "bigint", nullable: false),
                    block_hash = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: false),
                    block_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_collection_setting_facts", x => new { x.chain_id, x.tx_hash, x.log_index });
                });

            migrationBuilder.CreateTable(
                name: "collection_stats",
                schema: "catalog",
                columns: table => new
                {
                    chain_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    address = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: false),
                    items_count = table.Column<int>(type: "integer", nullable: false),
                    owners_count = table.Column<int>(type: "integer", nullable: false),
                    floor_price = table.Column<BigInteger>(type: "numeric(78,0)", nullable: true),
                    volume = table.Column<BigInteger>(type: "numeric(78,0)", nullable: false, defaultValueSql: "0"),
                    sales_count = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_collection_stats", x => new { x.chain_id, x.address });
                });

            migrationBuilder.CreateTable(
                name: "collections",
                schema: "catalog",
                columns: table => new
                {
                    chain_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    address = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: false),
                    standard = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    factory = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: true),
                    creator = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: true),
                    owner = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: true),
                    name = table.Column<string>(type: "text", nullable: true),
                    symbol = table.Column<string>(type: "text", nullable: true),
                    slug = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    image_url = table.Column<string>(type: "text", nullable: true),
                    banner_url = table.Column<string>(type: "text", nullable: true),
                    external_url = table.Column<string>(type: "text", nullable: true),
                    contract_uri = table.Column<string>(type: "text", nullable: true),
                    contract_metadata = table.Column<string>(type: "jsonb", nullable: true),
                    royalty_receiver = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: true),
                    royalty_bps = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    max_supply = table.Column<BigInteger>(type: "numeric(78,0)", nullable: true),
                    salt = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: true),
                    deployed_block = table.Column<long>(type: "bigint", nullable: true),
                    deployed_tx_hash = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: true),
                    deployed_block_hash = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: true),
                    deployed_log_index = table.Column<int>(type: "integer", nullable: false),
                    total_minted = table.Column<BigInteger>(type: "numeric(78,0)", nullable: false, defaultValueSql: "0"),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_collections", x => new { x.chain_id, x.address });
                });

            migrationBuilder.CreateTable(
                name: "metadata_docs",
                schema: "catalog",
                columns: table => new
                {
                    chain_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    contract = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: false),
                    token_id = table.Column<BigInteger>(type: "numeric(78,0)", nullable: false),
                    token_uri = table.Column<string>(type: "text", nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    error_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    error = table.Column<string>(type: "text", nullable: true),
                    original = table.Column<string>(type: "jsonb", nullable: true),
                    normalized = table.Column<string>(type: "jsonb", nullable: true),
                    name = table.Column<string>(type: "text", nullable: true),
                    description = table.Column<string>(type: "text", nullable: true),
                    image_url = table.Column<string>(type: "text", nullable: true),
                    animation_url = table.Column<string>(type: "text", nullable: true),
                    external_url = table.Column<string>(type: "text", nullable: true),
                    attributes = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'[]'::jsonb"),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    fetched_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    refresh_requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_metadata_docs", x => new { x.chain_id, x.contract, x.token_id });
                });

            migrationBuilder.CreateTable(
                name: "nft_flags",
                schema: "catalog",
                columns: table => new
                {
                    chain_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    contract = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: false),
                    token_id = table.Column<BigInteger>(type: "numeric(78,0)", nullable: false),
                    is_spam = table.Column<bool>(type: "boolean", nullable: false),
                    is_nsfw = table.Column<bool>(type: "boolean", nullable: false),
                    is_frozen = table.Column<bool>(type: "boolean", nullable: false),
                    reason = table.Column<string>(type: "text", nullable: true),
                    updated_by = table.Column<Guid>(type: "uuid", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_nft_flags", x => new { x.chain_id, x.contract, x.token_id });
                });

            migrationBuilder.CreateTable(
                name: "ownership_transfers",
                schema: "catalog",
                columns: table => new
                {
                    chain_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    tx_hash = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: false),
                    log_index = table.Column<int>(type: "integer", nullable: false),
                    batch_index = table.Column<int>(type: "integer", nullable: false),
                    contract = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: false),
                    token_id = table.Column<BigInteger>(type: "numeric(78,0)", nullable: false),
                    standard = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    @operator = table.Column<string>(name: "operator", type: "character varying(42)", maxLength: 42, nullable: true),
                    from_address = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: false),
                    to_address = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: false),
                    amount = table.Column<BigInteger>(type: "numeric(78,0)", nullable: false),
                    block_number = table.Column<long>(type: "bigint", nullable: false),
                    block_hash = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: false),
                    block_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ownership_transfers", x => new { x.chain_id, x.tx_hash, x.log_index, x.batch_index });
                });

            migrationBuilder.CreateTable(
                name: "retracted_blocks",
                schema: "catalog",
                columns: table => new
                {
                    chain_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    block_hash = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: false),
                    block_number = table.Column<long>(type: "bigint", nullable: false),
                    retracted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_retracted_blocks", x => new { x.chain_id, x.block_hash });
                });

            migrationBuilder.CreateTable(
                name: "token_balances",
                schema: "catalog",
                columns: table => new
                {
                    chain_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    contract = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: false),
                    token_id = table.Column<BigInteger>(type: "numeric(78,0)", nullable: false),
                    owner = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: false),
                    quantity = table.Column<BigInteger>(type: "numeric(78,0)", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_token_balances", x => new { x.chain_id, x.contract, x.token_id, x.owner });
                });

            migrationBuilder.CreateTable(
                name: "token_rarity",
                schema: "catalog",
                columns: table => new
                {
                    chain_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    contract = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: false),
                    token_id = table.Column<BigInteger>(type: "numeric(78,0)", nullable: false),
                    score = table.Column<double>(type: "double precision", nullable: false),
                    rank = table.Column<int>(type: "integer", nullable: false),
                    method = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    computed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_token_rarity", x => new { x.chain_id, x.contract, x.token_id });
                });

            migrationBuilder.CreateTable(
                name: "token_traits",
                schema: "catalog",
                columns: table => new
                {
                    chain_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    contract = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: false),
                    token_id = table.Column<BigInteger>(type: "numeric(78,0)", nullable: false),
                    normalized_name = table.Column<string>(type: "text", nullable: false),
                    normalized_value = table.Column<string>(type: "text", nullable: false),
                    value_number = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_token_traits", x => new { x.chain_id, x.contract, x.token_id, x.normalized_name, x.normalized_value });
                });

            migrationBuilder.CreateTable(
                name: "tokens",
                schema: "catalog",
                columns: table => new
                {
                    chain_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    contract = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: false),
                    token_id = table.Column<BigInteger>(type: "numeric(78,0)", nullable: false),
                    standard = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    owner = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: true),
                    owner_block = table.Column<long>(type: "bigint", nullable: true),
                    owner_log_index = table.Column<int>(type: "integer", nullable: true),
                    supply = table.Column<BigInteger>(type: "numeric(78,0)", nullable: false),
                    burned = table.Column<bool>(type: "boolean", nullable: false),
                    minted_block = table.Column<long>(type: "bigint", nullable: true),
                    minted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    minted_tx_hash = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tokens", x => new { x.chain_id, x.contract, x.token_id });
                });

            migrationBuilder.CreateTable(
                name: "trait_values",
                schema: "catalog",
                columns: table => new
                {
                    chain_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    contract = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: false),
                    normalized_name = table.Column<string>(type: "text", nullable: false),
                    normalized_value = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: false),
                    count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_trait_values", x => new { x.chain_id, x.contract, x.normalized_name, x.normalized_value });
                });

            migrationBuilder.CreateTable(
                name: "traits",
                schema: "catalog",
                columns: table => new
                {
                    chain_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    contract = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: false),
                    normalized_name = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    value_type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    display_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    max_value = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_traits", x => new { x.chain_id, x.contract, x.normalized_name });
                });

            migrationBuilder.CreateIndex(
                name: "ix_activities_chain_id_contract_block_number_log_index_batch_i",
                schema: "catalog",
                table: "activities",
                columns: new[] { "chain_id", "contract", "block_number", "log_index", "batch_index" },
                descending: new[] { false, false, true, true, true });

            migrationBuilder.CreateIndex(
                name: "ix_activities_chain_id_contract_token_id_block_number_log_inde",
                schema: "catalog",
                table: "activities",
                columns: new[] { "chain_id", "contract", "token_id", "block_number", "log_index", "batch_index" },
                descending: new[] { false, false, false, true, true, true });

            migrationBuilder.CreateIndex(
                name: "ix_collection_setting_facts_chain_id_contract",
                schema: "catalog",
                table: "collection_setting_facts",
                columns: new[] { "chain_id", "contract" });

            migrationBuilder.CreateIndex(
                name: "ix_collections_chain_id_created_at_address",
                schema: "catalog",
                table: "collections",
                columns: new[] { "chain_id", "created_at", "address" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "ix_collections_creator",
                schema: "catalog",
                table: "collections",
                column: "creator");

            migrationBuilder.CreateIndex(
                name: "ix_collections_slug",
                schema: "catalog",
                table: "collections",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_metadata_docs_next_attempt_at",
                schema: "catalog",
                table: "metadata_docs",
                column: "next_attempt_at",
                filter: "status <> 'OK'");

            migrationBuilder.CreateIndex(
                name: "ix_ownership_transfers_chain_id_contract_token_id_block_number",
                schema: "catalog",
                table: "ownership_transfers",
                columns: new[] { "chain_id", "contract", "token_id", "block_number", "log_index" });

            migrationBuilder.CreateIndex(
                name: "ix_token_balances_owner_chain_id",
                schema: "catalog",
                table: "token_balances",
                columns: new[] { "owner", "chain_id" });

            migrationBuilder.CreateIndex(
                name: "ix_token_rarity_chain_id_contract_rank_token_id",
                schema: "catalog",
                table: "token_rarity",
                columns: new[] { "chain_id", "contract", "rank", "token_id" });

            migrationBuilder.CreateIndex(
                name: "ix_token_traits_chain_id_contract_normalized_name_normalized_v",
                schema: "catalog",
                table: "token_traits",
                columns: new[] { "chain_id", "contract", "normalized_name", "normalized_value", "token_id" });

            migrationBuilder.CreateIndex(
                name: "ix_token_traits_chain_id_contract_normalized_name_value_number",
                schema: "catalog",
                table: "token_traits",
                columns: new[] { "chain_id", "contract", "normalized_name", "value_number" });

            migrationBuilder.CreateIndex(
                name: "ix_tokens_chain_id_contract_minted_block_token_id",
                schema: "catalog",
                table: "tokens",
                columns: new[] { "chain_id", "contract", "minted_block", "token_id" },
                descending: new[] { false, false, true, false });

            migrationBuilder.CreateIndex(
                name: "ix_tokens_owner",
                schema: "catalog",
                table: "tokens",
                column: "owner",
                filter: "owner IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "activities",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "collection_dirty",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "collection_roles",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "collection_setting_facts",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "collection_stats",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "collections",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "metadata_docs",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "nft_flags",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "ownership_transfers",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "retracted_blocks",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "token_balances",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "token_rarity",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "token_traits",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "tokens",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "trait_values",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "traits",
                schema: "catalog");
        }
    }
}
