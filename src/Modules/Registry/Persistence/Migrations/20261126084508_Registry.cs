using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace NftMarketplace.Modules.Registry.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Registry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "chains",
                schema: "registry",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    caip2 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    chain_number = table.Column<long>(type: "bigint", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    native_symbol = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    decimals = table.Column<int>(type: "integer", nullable: false),
                    explorer_url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    features = table.Column<List<string>>(type: "text[]", nullable: false),
                    confirmations_required = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_chains", x => x.id);
                    table.CheckConstraint("ck_chains_confirmations_required", "confirmations_required >= 0");
                    table.CheckConstraint("ck_chains_decimals", "decimals BETWEEN 0 AND 36");
                });

            migrationBuilder.CreateTable(
                name: "chain_contracts",
                schema: "registry",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    chain_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    address = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: false),
                    start_block = table.Column<long>(type: "bigint", nullable: false),
                    verified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_chain_contracts", x => x.id);
                    table.CheckConstraint("ck_chain_contracts_start_block", "start_block >= 0");
                    table.ForeignKey(
                        name: "fk_chain_contracts_chains_chain_id",
                        column: x => x.chain_id,
                        principalSchema: "registry",
                        principalTable: "chains",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "chain_endpoints",
                schema: "registry",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    chain_id = table.Column<int>(type: "integer", nullable: false),
                    url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    priority = table.Column<int>(type: "integer", nullable: false),
                    weight = table.Column<int>(type: "integer", nullable: false),
                    auth_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    rate_limit = table.Column<int>(type: "integer", nullable: true),
                    active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_chain_endpoints", x => x.id);
                    table.CheckConstraint("ck_chain_endpoints_priority", "priority >= 0");
                    table.CheckConstraint("ck_chain_endpoints_rate_limit", "rate_limit IS NULL OR rate_limit > 0");
                    table.CheckConstraint("ck_chain_endpoints_weight", "weight > 0");
                    table.ForeignKey(
                        name: "fk_chain_endpoints_chains_chain_id",
                        column: x => x.chain_id,
                        principalSchema: "registry",
                        principalTable: "chains",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "chain_gas_policy",
                schema: "registry",
                columns: table => new
                {
                    chain_id = table.Column<int>(type: "integer", nullable: false),
                    max_fee_gwei = table.Column<decimal>(type: "numeric(38,9)", precision: 38, scale: 9, nullable: true),
                    priority_fee_gwei = table.Column<decimal>(type: "numeric(38,9)", precision: 38, scale: 9, nullable: true),
                    multiplier = table.Column<decimal>(type: "numeric(10,4)", precision: 10, scale: 4, nullable: false),
                    last_observed_base_fee_gwei = table.Column<decimal>(type: "numeric(38,9)", precision: 38, scale: 9, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_chain_gas_policy", x => x.chain_id);
                    table.CheckConstraint("ck_chain_gas_policy_multiplier", "multiplier > 0");
                    table.ForeignKey(
                        name: "fk_chain_gas_policy_chains_chain_id",
                        column: x => x.chain_id,
                        principalSchema: "registry",
                        principalTable: "chains",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_chain_contracts_chain_id_name",
                schema: "registry",
                table: "chain_contracts",
                columns: new[] { "chain_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_chain_endpoints_chain_id_url",
                schema: "registry",
                table: "chain_endpoints",
                columns: new[] { "chain_id", "url" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_chains_caip2",
                schema: "registry",
                table: "chains",
                column: "caip2",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "chain_contracts",
                schema: "registry");

            migrationBuilder.DropTable(
                name: "chain_endpoints",
                schema: "registry");

            migrationBuilder.DropTable(
                name: "chain_gas_policy",
                schema: "registry");

            migrationBuilder.DropTable(
                name: "chains",
                schema: "registry");
        }
    }
}
