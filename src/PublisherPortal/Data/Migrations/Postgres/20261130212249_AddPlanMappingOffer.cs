using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PublisherPortal.Data.Migrations.Postgres
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
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanMappings_ProviderKey_Offer",
                table: "PlanMappings",
                columns: new[] { "ProviderKey", "Offer" },
                unique: true);
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
