using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NftMarketplace.Modules.Wallets.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ApprovalsRetraction : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_approvals_history_change",
                schema: "wallets",
                table: "approvals_history");

            migrationBuilder.AddColumn<string>(
                name: "block_hash",
                schema: "wallets",
                table: "approvals_history",
                type: "character varying(66)",
                maxLength: 66,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "retracted_blocks",
                schema: "wallets",
                columns: table => new
                {
                    chain_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    block_hash = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: false),
                    retracted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_retracted_blocks", x => new { x.chain_id, x.block_hash });
                });

            migrationBuilder.CreateIndex(
                name: "ix_approvals_history_block",
                schema: "wallets",
                table: "approvals_history",
                columns: new[] { "chain_id", "block_hash" });

            migrationBuilder.CreateIndex(
                name: "ix_approvals_history_change",
                schema: "wallets",
                table: "approvals_history",
                columns: new[] { "wallet_id", "chain_id", "tx_hash", "log_index", "block_hash" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "retracted_blocks",
                schema: "wallets");

            migrationBuilder.DropIndex(
                name: "ix_approvals_history_block",
                schema: "wallets",
                table: "approvals_history");

            migrationBuilder.DropIndex(
                name: "ix_approvals_history_change",
                schema: "wallets",
                table: "approvals_history");

            migrationBuilder.DropColumn(
                name: "block_hash",
                schema: "wallets",
                table: "approvals_history");

            migrationBuilder.CreateIndex(
                name: "ix_approvals_history_change",
                schema: "wallets",
                table: "approvals_history",
                columns: new[] { "wallet_id", "chain_id", "tx_hash", "log_index" },
                unique: true);
        }
    }
}
