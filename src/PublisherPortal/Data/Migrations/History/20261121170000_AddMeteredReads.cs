using Microsoft.EntityFrameworkCore.Migrations;

namespace PublisherPortal.Data.Migrations.History;

/// <summary>Subscriber stories read on the monthly meter (metered access, off by default).</summary>
public abstract class AddMeteredReads : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateTable(
            name: "MeteredReads",
            columns: table => new
            {
                Issuer = table.Column<string>(maxLength: 500, nullable: false),
                Subject = table.Column<string>(maxLength: 255, nullable: false),
                Month = table.Column<string>(maxLength: 7, nullable: false),
                ArticleId = table.Column<int>(nullable: false),
                ReadAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_MeteredReads", x => new { x.Issuer, x.Subject, x.Month, x.ArticleId }));

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "MeteredReads");
}
