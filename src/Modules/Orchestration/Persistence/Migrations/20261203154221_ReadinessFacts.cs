using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NftMarketplace.Modules.Orchestration.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ReadinessFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "readiness_facts",
                schema: "orchestration",
                columns: table => new
                {
                    chain_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    tx_hash = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    contract = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: false),
                    token_ids = table.Column<string[]>(type: "text[]", nullable: true),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_readiness_facts", x => new { x.chain_id, x.tx_hash, x.kind });
                });

            migrationBuilder.CreateIndex(
                name: "ix_readiness_facts_received_at",
                schema: "orchestration",
                table: "readiness_facts",
                column: "received_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "readiness_facts",
                schema: "orchestration");
        }
    }
}
