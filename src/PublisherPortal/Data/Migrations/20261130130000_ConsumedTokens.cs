using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PublisherPortal.Data.Migrations;

/// <summary>
/// One table of single-use values for every instance: back-channel logout tokens and, now, sign-in states, keyed by
/// a fixed-length hash. Logout tokens remembered in the old table are dropped: they are kept only minutes, and a
/// token whose iat is older than that is refused by its own checks.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261130130000_ConsumedTokens")]
public sealed partial class ConsumedTokens : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ConsumedTokens",
            columns: table => new
            {
                KeyHash = table.Column<string>(unicode: false, fixedLength: true, maxLength: 43, nullable: false),
                ExpiresAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ConsumedTokens", x => x.KeyHash));
        migrationBuilder.CreateIndex(name: "IX_ConsumedTokens_ExpiresAt", table: "ConsumedTokens", column: "ExpiresAt");
        migrationBuilder.DropTable(name: "ConsumedLogoutTokens");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ConsumedLogoutTokens",
            columns: table => new
            {
                Issuer = table.Column<string>(maxLength: 500, nullable: false),
                TokenId = table.Column<string>(maxLength: 255, nullable: false),
                ExpiresAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ConsumedLogoutTokens", x => new { x.Issuer, x.TokenId }));
        migrationBuilder.CreateIndex(name: "IX_ConsumedLogoutTokens_ExpiresAt", table: "ConsumedLogoutTokens", column: "ExpiresAt");
        migrationBuilder.DropTable(name: "ConsumedTokens");
    }
}
