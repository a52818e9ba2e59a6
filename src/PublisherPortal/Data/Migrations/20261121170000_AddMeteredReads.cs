using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PublisherPortal.Data.Migrations;

/// <summary>Subscriber stories read on the monthly meter (metered access, off by default).</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261121170000_AddMeteredReads")]
public sealed partial class AddMeteredReads : Migration
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
