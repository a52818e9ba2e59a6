using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PublisherPortal.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddPlanMappingOffer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Offer",
                table: "PlanMappings",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true,
                collation: "Latin1_General_100_BIN2");

            migrationBuilder.CreateIndex(
                name: "IX_PlanMappings_ProviderKey_Offer",
                table: "PlanMappings",
                columns: new[] { "ProviderKey", "Offer" },
                unique: true,
                filter: "[Offer] IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PlanMappings_ProviderKey_Offer",
                table: "PlanMappings");

            migrationBuilder.DropColumn(
                name: "Offer",
                table: "PlanMappings");
        }
    }
}
