using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PublisherPortal.Data.Migrations.SqlServer
{
    /// <summary>
    /// One table of single-use values for every instance (back-channel logout tokens and sign-in states, keyed by a
    /// fixed-length hash) replaces ConsumedLogoutTokens, whose rows are dropped: they are kept only minutes.
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
                    KeyHash = table.Column<string>(type: "char(43)", unicode: false, fixedLength: true, maxLength: 43, nullable: false, collation: "Latin1_General_100_BIN2"),
                    ExpiresAt = table.Column<DateTime>(type: "datetime2", nullable: false)
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
                    Issuer = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false, collation: "Latin1_General_100_BIN2"),
                    TokenId = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: false, collation: "Latin1_General_100_BIN2"),
                    ExpiresAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsumedLogoutTokens", x => new { x.Issuer, x.TokenId })
                        .Annotation("SqlServer:Clustered", false);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConsumedLogoutTokens_ExpiresAt",
                table: "ConsumedLogoutTokens",
                column: "ExpiresAt");
        }
    }
}
