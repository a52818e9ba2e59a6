using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PublisherPortal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddNewsroom : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "TeaserParagraphs",
                table: "Articles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ArticleRevisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorIssuer = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ActorSubject = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    SectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Tags = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AuthorIds = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    HeroImageUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    HeroImageAlt = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    SeoTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SeoDescription = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    AccessLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    MinimumTierId = table.Column<int>(type: "INTEGER", nullable: true),
                    TeaserParagraphs = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ArticleRevisions_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ArticleSlugRedirects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OldSlug = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleSlugRedirects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ArticleSlugRedirects_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ArticleRevisions_ArticleId_Id",
                table: "ArticleRevisions",
                columns: new[] { "ArticleId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ArticleSlugRedirects_ArticleId",
                table: "ArticleSlugRedirects",
                column: "ArticleId");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleSlugRedirects_OldSlug",
                table: "ArticleSlugRedirects",
                column: "OldSlug",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ArticleRevisions");

            migrationBuilder.DropTable(
                name: "ArticleSlugRedirects");

            migrationBuilder.DropColumn(
                name: "TeaserParagraphs",
                table: "Articles");
        }
    }
}
