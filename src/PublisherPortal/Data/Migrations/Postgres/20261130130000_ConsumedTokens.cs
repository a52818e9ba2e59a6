using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PublisherPortal.Data.Migrations.Postgres
{
    /// <summary>
    /// One table of single-use values for every instance (back-channel logout tokens and sign-in states, keyed by a
    /// fixed-length hash) replaces ConsumedLogoutTokens, whose rows are dropped: they are kept only minutes, and a
    /// token older than that is refused by its own checks. Generated; it keeps the id of the hand-written migration
    /// main shipped first, so a database that already ran that one does not run this again.
    /// </summary>
    public partial class ConsumedTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConsumedLogoutTokens");

            migrationBuilder.CreateTable(
                name: "ConsumedTokens",
                columns: table => new
                {
                    KeyHash = table.Column<string>(type: "character(43)", unicode: false, fixedLength: true, maxLength: 43, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsumedTokens", x => x.KeyHash);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConsumedTokens_ExpiresAt",
                table: "ConsumedTokens",
                column: "ExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConsumedTokens");

            migrationBuilder.CreateTable(
                name: "ConsumedLogoutTokens",
                columns: table => new
                {
                    Issuer = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    TokenId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsumedLogoutTokens", x => new { x.Issuer, x.TokenId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConsumedLogoutTokens_ExpiresAt",
                table: "ConsumedLogoutTokens",
                column: "ExpiresAt");
        }
    }
}
