using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace PublisherPortal.Data.Migrations.History;

/// <summary>
/// Hand-written before migrations were generated, and already applied to SQLite and PostgreSQL databases in the field
/// under its id. Provider-neutral: no column types, and identity keys carry both the SQLite and the Npgsql annotation,
/// so one body serves both providers; each provider's history lists it under the same id (Sqlite/HandWrittenHistory.cs,
/// Postgres/HandWrittenHistory.cs). Never edit it: change the model and generate a migration (docs/database.md).
/// </summary>
public abstract class InitialCreate : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AccessTiers",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Slug = table.Column<string>(maxLength: 100, nullable: false),
                Rank = table.Column<int>(nullable: false),
                Description = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_AccessTiers", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Authors",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Name = table.Column<string>(maxLength: 150, nullable: false),
                Slug = table.Column<string>(maxLength: 150, nullable: false),
                Role = table.Column<string>(maxLength: 150, nullable: true),
                Bio = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Authors", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Sections",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Slug = table.Column<string>(maxLength: 100, nullable: false),
                Description = table.Column<string>(maxLength: 500, nullable: true),
                Position = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Sections", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Tags",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Slug = table.Column<string>(maxLength: 100, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Tags", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Articles",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Slug = table.Column<string>(maxLength: 200, nullable: false),
                Summary = table.Column<string>(maxLength: 600, nullable: false),
                Body = table.Column<string>(nullable: false),
                SectionId = table.Column<int>(nullable: false),
                HeroImageUrl = table.Column<string>(maxLength: 500, nullable: true),
                HeroImageAlt = table.Column<string>(maxLength: 300, nullable: true),
                SeoTitle = table.Column<string>(maxLength: 200, nullable: true),
                SeoDescription = table.Column<string>(maxLength: 300, nullable: true),
                Status = table.Column<int>(nullable: false),
                PublishedAt = table.Column<DateTime>(nullable: true),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                AccessLevel = table.Column<int>(nullable: false),
                MinimumTierId = table.Column<int>(nullable: true),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Articles", x => x.Id);
                table.ForeignKey(
                    name: "FK_Articles_AccessTiers_MinimumTierId",
                    column: x => x.MinimumTierId,
                    principalTable: "AccessTiers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_Articles_Sections_SectionId",
                    column: x => x.SectionId,
                    principalTable: "Sections",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ArticleAuthor",
            columns: table => new
            {
                ArticleId = table.Column<int>(nullable: false),
                AuthorId = table.Column<int>(nullable: false),
                Position = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ArticleAuthor", x => new { x.ArticleId, x.AuthorId });
                table.ForeignKey(
                    name: "FK_ArticleAuthor_Articles_ArticleId",
                    column: x => x.ArticleId,
                    principalTable: "Articles",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_ArticleAuthor_Authors_AuthorId",
                    column: x => x.AuthorId,
                    principalTable: "Authors",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ArticleTag",
            columns: table => new
            {
                ArticleId = table.Column<int>(nullable: false),
                TagId = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ArticleTag", x => new { x.ArticleId, x.TagId });
                table.ForeignKey(
                    name: "FK_ArticleTag_Articles_ArticleId",
                    column: x => x.ArticleId,
                    principalTable: "Articles",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_ArticleTag_Tags_TagId",
                    column: x => x.TagId,
                    principalTable: "Tags",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_AccessTiers_Rank", table: "AccessTiers", column: "Rank", unique: true);
        migrationBuilder.CreateIndex(name: "IX_AccessTiers_Slug", table: "AccessTiers", column: "Slug", unique: true);
        migrationBuilder.CreateIndex(name: "IX_Authors_Slug", table: "Authors", column: "Slug", unique: true);
        migrationBuilder.CreateIndex(name: "IX_Sections_Slug", table: "Sections", column: "Slug", unique: true);
        migrationBuilder.CreateIndex(name: "IX_Tags_Slug", table: "Tags", column: "Slug", unique: true);
        migrationBuilder.CreateIndex(name: "IX_Articles_MinimumTierId", table: "Articles", column: "MinimumTierId");
        migrationBuilder.CreateIndex(
            name: "IX_Articles_SectionId_Status_PublishedAt_Id", table: "Articles",
            columns: ["SectionId", "Status", "PublishedAt", "Id"]);
        migrationBuilder.CreateIndex(name: "IX_Articles_Slug", table: "Articles", column: "Slug", unique: true);
        migrationBuilder.CreateIndex(
            name: "IX_Articles_Status_PublishedAt_Id", table: "Articles",
            columns: ["Status", "PublishedAt", "Id"]);
        migrationBuilder.CreateIndex(name: "IX_ArticleAuthor_AuthorId_ArticleId", table: "ArticleAuthor", columns: ["AuthorId", "ArticleId"]);
        migrationBuilder.CreateIndex(name: "IX_ArticleTag_TagId_ArticleId", table: "ArticleTag", columns: ["TagId", "ArticleId"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "ArticleAuthor");
        migrationBuilder.DropTable(name: "ArticleTag");
        migrationBuilder.DropTable(name: "Articles");
        migrationBuilder.DropTable(name: "Authors");
        migrationBuilder.DropTable(name: "Tags");
        migrationBuilder.DropTable(name: "AccessTiers");
        migrationBuilder.DropTable(name: "Sections");
    }
}
