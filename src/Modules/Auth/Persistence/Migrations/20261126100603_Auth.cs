using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NftMarketplace.Modules.Auth.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Auth : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "auth_nonces",
                schema: "auth",
                columns: table => new
                {
                    nonce = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    account_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    domain = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    chain_id = table.Column<string>(type: "character varying(41)", maxLength: 41, nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    used = table.Column<bool>(type: "boolean", nullable: false),
                    used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    used_for = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_auth_nonces", x => x.nonce);
                });

            migrationBuilder.CreateTable(
                name: "login_events",
                schema: "auth",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    session_id = table.Column<Guid>(type: "uuid", nullable: true),
                    account_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ip = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ua = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    result = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ts = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_login_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sessions",
                schema: "auth",
                columns: table => new
                {
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    device_id = table.Column<Guid>(type: "uuid", nullable: true),
                    account_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    refresh_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    roles = table.Column<List<string>>(type: "text[]", nullable: false),
                    ip = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ua = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revoked_reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    last_used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sessions", x => x.session_id);
                });

            migrationBuilder.CreateTable(
                name: "rotated_refresh_tokens",
                schema: "auth",
                columns: table => new
                {
                    refresh_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rotated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rotated_refresh_tokens", x => x.refresh_hash);
                    table.ForeignKey(
                        name: "fk_rotated_refresh_tokens_sessions_session_id",
                        column: x => x.session_id,
                        principalSchema: "auth",
                        principalTable: "sessions",
                        principalColumn: "session_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_auth_nonces_expires_at",
                schema: "auth",
                table: "auth_nonces",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_login_events_account_id_ts",
                schema: "auth",
                table: "login_events",
                columns: new[] { "account_id", "ts" });

            migrationBuilder.CreateIndex(
                name: "ix_login_events_user_id_ts",
                schema: "auth",
                table: "login_events",
                columns: new[] { "user_id", "ts" });

            migrationBuilder.CreateIndex(
                name: "ix_rotated_refresh_tokens_session_id",
                schema: "auth",
                table: "rotated_refresh_tokens",
                column: "session_id");

            migrationBuilder.CreateIndex(
                name: "ix_sessions_refresh_hash",
                schema: "auth",
                table: "sessions",
                column: "refresh_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sessions_user_id",
                schema: "auth",
                table: "sessions",
                column: "user_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "auth_nonces",
                schema: "auth");

            migrationBuilder.DropTable(
                name: "login_events",
                schema: "auth");

            migrationBuilder.DropTable(
                name: "rotated_refresh_tokens",
                schema: "auth");

            migrationBuilder.DropTable(
                name: "sessions",
                schema: "auth");
        }
    }
}
