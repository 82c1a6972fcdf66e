using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NftMarketplace.Modules.Wallets.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ApprovalsInChainOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_approvals_history_change",
                schema: "wallets",
                table: "approvals_history");

            migrationBuilder.DropPrimaryKey(
                name: "pk_approvals",
                schema: "wallets",
                table: "approvals");

            migrationBuilder.AddColumn<long>(
                name: "block_number",
                schema: "wallets",
                table: "approvals_history",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "contract",
                schema: "wallets",
                table: "approvals_history",
                type: "character varying(42)",
                maxLength: 42,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "log_index",
                schema: "wallets",
                table: "approvals_history",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "contract",
                schema: "wallets",
                table: "approvals",
                type: "character varying(42)",
                maxLength: 42,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "block_number",
                schema: "wallets",
                table: "approvals",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "log_index",
                schema: "wallets",
                table: "approvals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddPrimaryKey(
                name: "pk_approvals",
                schema: "wallets",
                table: "approvals",
                columns: new[] { "wallet_id", "chain_id", "contract", "operator" });

            migrationBuilder.CreateIndex(
                name: "ix_approvals_history_change",
                schema: "wallets",
                table: "approvals_history",
                columns: new[] { "wallet_id", "chain_id", "tx_hash", "log_index" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_approvals_history_change",
                schema: "wallets",
                table: "approvals_history");

            migrationBuilder.DropPrimaryKey(
                name: "pk_approvals",
                schema: "wallets",
                table: "approvals");

            migrationBuilder.DropColumn(
                name: "block_number",
                schema: "wallets",
                table: "approvals_history");

            migrationBuilder.DropColumn(
                name: "contract",
                schema: "wallets",
                table: "approvals_history");

            migrationBuilder.DropColumn(
                name: "log_index",
                schema: "wallets",
                table: "approvals_history");

            migrationBuilder.DropColumn(
                name: "contract",
                schema: "wallets",
                table: "approvals");

            migrationBuilder.DropColumn(
                name: "block_number",
                schema: "wallets",
                table: "approvals");

            migrationBuilder.DropColumn(
                name: "log_index",
                schema: "wallets",
                table: "approvals");

            migrationBuilder.AddPrimaryKey(
                name: "pk_approvals",
                schema: "wallets",
                table: "approvals",
                columns: new[] { "wallet_id", "chain_id", "operator", "standard" });

            migrationBuilder.CreateIndex(
                name: "ix_approvals_history_change",
                schema: "wallets",
                table: "approvals_history",
                columns: new[] { "wallet_id", "chain_id", "operator", "standard", "tx_hash" },
                unique: true);
        }
    }
}
