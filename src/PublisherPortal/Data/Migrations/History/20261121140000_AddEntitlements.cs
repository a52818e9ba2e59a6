using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace PublisherPortal.Data.Migrations.History;

/// <summary>
/// Plan mappings (provider plan → access tier), plans seen but unmapped, and the readers known from sign-in.
/// Hand-written and provider-neutral, like InitialCreate.
/// </summary>
public abstract class AddEntitlements : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "PlanMappings",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                ProviderKey = table.Column<string>(maxLength: 100, nullable: false),
                PlanKey = table.Column<string>(maxLength: 200, nullable: false),
                AccessTierId = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PlanMappings", x => x.Id);
                table.ForeignKey(
                    name: "FK_PlanMappings_AccessTiers_AccessTierId",
                    column: x => x.AccessTierId,
                    principalTable: "AccessTiers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "UnmappedPlans",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                ProviderKey = table.Column<string>(maxLength: 100, nullable: false),
                PlanKey = table.Column<string>(maxLength: 200, nullable: false),
                Label = table.Column<string>(maxLength: 200, nullable: true),
                SeenCount = table.Column<int>(nullable: false),
                FirstSeenAt = table.Column<DateTime>(nullable: false),
                LastSeenAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_UnmappedPlans", x => x.Id));

        migrationBuilder.CreateTable(
            name: "KnownReaders",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Issuer = table.Column<string>(maxLength: 500, nullable: false),
                Subject = table.Column<string>(maxLength: 255, nullable: false),
                ProviderKey = table.Column<string>(maxLength: 100, nullable: false),
                Email = table.Column<string>(maxLength: 320, nullable: true),
                Name = table.Column<string>(maxLength: 200, nullable: true),
                PlanKeys = table.Column<string>(maxLength: 2000, nullable: false),
                PlansSource = table.Column<string>(maxLength: 50, nullable: false),
                PlansReadAt = table.Column<DateTime>(nullable: false),
                LastTierRank = table.Column<int>(nullable: true),
                FirstSeenAt = table.Column<DateTime>(nullable: false),
                LastSignInAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_KnownReaders", x => x.Id));

        migrationBuilder.CreateIndex(name: "IX_PlanMappings_AccessTierId", table: "PlanMappings", column: "AccessTierId");
        migrationBuilder.CreateIndex(
            name: "IX_PlanMappings_ProviderKey_PlanKey", table: "PlanMappings", columns: ["ProviderKey", "PlanKey"], unique: true);
        migrationBuilder.CreateIndex(
            name: "IX_UnmappedPlans_ProviderKey_PlanKey", table: "UnmappedPlans", columns: ["ProviderKey", "PlanKey"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_KnownReaders_Email", table: "KnownReaders", column: "Email");
        migrationBuilder.CreateIndex(
            name: "IX_KnownReaders_Issuer_Subject", table: "KnownReaders", columns: ["Issuer", "Subject"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "PlanMappings");
        migrationBuilder.DropTable(name: "UnmappedPlans");
        migrationBuilder.DropTable(name: "KnownReaders");
    }
}
