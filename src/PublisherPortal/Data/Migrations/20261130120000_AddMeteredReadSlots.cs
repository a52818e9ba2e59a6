using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PublisherPortal.Data.Migrations;

/// <summary>
/// Numbered free-story slots, unique per reader and month, so parallel requests cannot open more subscriber stories
/// than the monthly allowance. Existing reads are numbered in story order before the unique index is built.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261130120000_AddMeteredReadSlots")]
public sealed partial class AddMeteredReadSlots : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(name: "Slot", table: "MeteredReads", nullable: false, defaultValue: 0);
        migrationBuilder.Sql(
            """
            UPDATE "MeteredReads" SET "Slot" = (
                SELECT COUNT(*) FROM "MeteredReads" AS earlier
                WHERE earlier."Issuer" = "MeteredReads"."Issuer" AND earlier."Subject" = "MeteredReads"."Subject"
                  AND earlier."Month" = "MeteredReads"."Month" AND earlier."ArticleId" <= "MeteredReads"."ArticleId")
            """);
        migrationBuilder.CreateIndex(
            name: "IX_MeteredReads_Issuer_Subject_Month_Slot",
            table: "MeteredReads",
            columns: ["Issuer", "Subject", "Month", "Slot"],
            unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_MeteredReads_Issuer_Subject_Month_Slot", table: "MeteredReads");
        migrationBuilder.DropColumn(name: "Slot", table: "MeteredReads");
    }
}
