using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NftMarketplace.Modules.Registry.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class EndpointAuthTypeDropped : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "auth_type",
                schema: "registry",
                table: "chain_endpoints");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "auth_type",
                schema: "registry",
                table: "chain_endpoints",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");
        }
    }
}
