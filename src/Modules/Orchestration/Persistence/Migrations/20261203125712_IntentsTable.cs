using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NftMarketplace.Modules.Orchestration.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class IntentsTable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "tx_intents",
                schema: "orchestration",
                columns: table => new
                {
                    intent_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    chain_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    preview_address = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: true),
                    tx_hash = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    req_payload_json = table.Column<string>(type: "jsonb", nullable: false),
                    tx_request = table.Column<string>(type: "jsonb", nullable: false),
                    error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    contract = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: true),
                    token_ids = table.Column<string[]>(type: "text[]", nullable: true),
                    idempotency_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    tx_nonce = table.Column<long>(type: "bigint", nullable: true),
                    deadline_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tx_intents", x => x.intent_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_tx_intents_created_by",
                schema: "orchestration",
                table: "tx_intents",
                columns: new[] { "created_by", "created_at", "intent_id" });

            migrationBuilder.CreateIndex(
                name: "ix_tx_intents_idempotency",
                schema: "orchestration",
                table: "tx_intents",
                columns: new[] { "created_by", "idempotency_key" },
                unique: true,
                filter: "idempotency_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_tx_intents_open",
                schema: "orchestration",
                table: "tx_intents",
                columns: new[] { "status", "deadline_at" },
                filter: "status IN ('PREPARED', 'PENDING')");

            migrationBuilder.CreateIndex(
                name: "ix_tx_intents_tx",
                schema: "orchestration",
                table: "tx_intents",
                columns: new[] { "chain_id", "tx_hash" },
                filter: "tx_hash IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "tx_intents",
                schema: "orchestration");
        }
    }
}
