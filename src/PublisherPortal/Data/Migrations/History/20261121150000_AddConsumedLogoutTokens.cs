using Microsoft.EntityFrameworkCore.Migrations;

namespace PublisherPortal.Data.Migrations.History;

/// <summary>Back-channel logout tokens already honoured, so a replayed one is refused on any instance.</summary>
public abstract class AddConsumedLogoutTokens : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
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
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "ConsumedLogoutTokens");
}
