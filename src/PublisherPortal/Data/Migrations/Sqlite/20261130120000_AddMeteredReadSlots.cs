using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PublisherPortal.Data.Migrations.Sqlite
{
    /// <summary>
    /// Numbered free-story slots, unique per reader and month, so parallel requests cannot open more subscriber
    /// stories than the monthly allowance. Generated, plus the numbering of existing reads; it keeps the id of the
    /// hand-written migration main shipped first, so a database that already ran that one does not run this again.
    /// </summary>
    public partial class AddMeteredReadSlots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Slot",
                table: "MeteredReads",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Number the reads already on the meter, in story order, before the unique index needs distinct slots.
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
                columns: new[] { "Issuer", "Subject", "Month", "Slot" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MeteredReads_Issuer_Subject_Month_Slot",
                table: "MeteredReads");

            migrationBuilder.DropColumn(
                name: "Slot",
                table: "MeteredReads");
        }
    }
}
