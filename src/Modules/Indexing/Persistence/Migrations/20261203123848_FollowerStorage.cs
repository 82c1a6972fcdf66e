using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NftMarketplace.Modules.Indexing.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class FollowerStorage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "block_hashes",
                schema: "indexing",
                columns: table => new
                {
                    chain_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    block_number = table.Column<long>(type: "bigint", nullable: false),
                    block_hash = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: false),
                    parent_hash = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: false),
                    block_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_block_hashes", x => new { x.chain_id, x.block_number });
                });

            migrationBuilder.CreateTable(
                name: "chain_stats",
                schema: "indexing",
                columns: table => new
                {
                    chain_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    reorgs_detected = table.Column<long>(type: "bigint", nullable: false),
                    deepest_reorg = table.Column<int>(type: "integer", nullable: false),
                    halted_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    halted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_chain_stats", x => x.chain_id);
                });

            migrationBuilder.CreateTable(
                name: "checkpoints",
                schema: "indexing",
                columns: table => new
                {
                    chain_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    last_block = table.Column<long>(type: "bigint", nullable: false),
                    last_block_hash = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_checkpoints", x => x.chain_id);
                });

            migrationBuilder.CreateTable(
                name: "followed_contracts",
                schema: "indexing",
                columns: table => new
                {
                    chain_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    address = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: false),
                    standard = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    from_block = table.Column<long>(type: "bigint", nullable: false),
                    source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    factory = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: true),
                    backfill_status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    backfilled_to = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_followed_contracts", x => new { x.chain_id, x.address });
                });

            migrationBuilder.CreateTable(
                name: "raw_events",
                schema: "indexing",
                columns: table => new
                {
                    chain_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    tx_hash = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: false),
                    log_index = table.Column<int>(type: "integer", nullable: false),
                    block_number = table.Column<long>(type: "bigint", nullable: false),
                    block_hash = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: false),
                    block_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    address = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: false),
                    topic0 = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: true),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    payload = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_raw_events", x => new { x.chain_id, x.tx_hash, x.log_index });
                });

            migrationBuilder.CreateIndex(
                name: "ix_raw_events_chain_id_address_block_number",
                schema: "indexing",
                table: "raw_events",
                columns: new[] { "chain_id", "address", "block_number" });

            migrationBuilder.CreateIndex(
                name: "ix_raw_events_chain_id_block_number_log_index",
                schema: "indexing",
                table: "raw_events",
                columns: new[] { "chain_id", "block_number", "log_index" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "block_hashes",
                schema: "indexing");

            migrationBuilder.DropTable(
                name: "chain_stats",
                schema: "indexing");

            migrationBuilder.DropTable(
                name: "checkpoints",
                schema: "indexing");

            migrationBuilder.DropTable(
                name: "followed_contracts",
                schema: "indexing");

            migrationBuilder.DropTable(
                name: "raw_events",
                schema: "indexing");
        }
    }
}
