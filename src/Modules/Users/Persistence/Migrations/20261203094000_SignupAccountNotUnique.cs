using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NftMarketplace.Modules.Users.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SignupAccountNotUnique : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_users_signup_account_id",
                schema: "users",
                table: "users");

            migrationBuilder.CreateIndex(
                name: "ix_users_signup_account_id",
                schema: "users",
                table: "users",
                column: "signup_account_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_users_signup_account_id",
                schema: "users",
                table: "users");

            migrationBuilder.CreateIndex(
                name: "ix_users_signup_account_id",
                schema: "users",
                table: "users",
                column: "signup_account_id",
                unique: true);
        }
    }
}
