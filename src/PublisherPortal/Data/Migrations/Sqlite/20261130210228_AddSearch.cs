using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PublisherPortal.Data.Migrations.Sqlite
{
    /// <summary>
    /// Full-text search on SQLite (Search/SqliteSearchIndex): an FTS5 table over the stories' title, summary and body,
    /// with Porter stemming and accents folded. It keeps no copy of the text (external content, <c>Articles</c>); the
    /// triggers keep it current on every insert, update and delete, whoever writes. The model does not know these
    /// objects (EF cannot describe a virtual table): docs/database.md, "Search", says what a later migration that
    /// rebuilds <c>Articles</c> must do (SQLite drops a table's triggers with it).
    /// </summary>
    public partial class AddSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "ArticleSearch" USING fts5(
                    "Title", "Summary", "Body",
                    content='Articles', content_rowid='Id', tokenize='porter unicode61 remove_diacritics 2');
                """);
            // Stories already in the database.
            migrationBuilder.Sql("""INSERT INTO "ArticleSearch"("ArticleSearch") VALUES ('rebuild');""");
            migrationBuilder.Sql("""
                CREATE TRIGGER "Articles_ArticleSearch_Insert" AFTER INSERT ON "Articles" BEGIN
                    INSERT INTO "ArticleSearch"(rowid, "Title", "Summary", "Body") VALUES (new."Id", new."Title", new."Summary", new."Body");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Articles_ArticleSearch_Delete" AFTER DELETE ON "Articles" BEGIN
                    INSERT INTO "ArticleSearch"("ArticleSearch", rowid, "Title", "Summary", "Body") VALUES ('delete', old."Id", old."Title", old."Summary", old."Body");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Articles_ArticleSearch_Update" AFTER UPDATE OF "Title", "Summary", "Body" ON "Articles" BEGIN
                    INSERT INTO "ArticleSearch"("ArticleSearch", rowid, "Title", "Summary", "Body") VALUES ('delete', old."Id", old."Title", old."Summary", old."Body");
                    INSERT INTO "ArticleSearch"(rowid, "Title", "Summary", "Body") VALUES (new."Id", new."Title", new."Summary", new."Body");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Articles_ArticleSearch_Update";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Articles_ArticleSearch_Delete";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Articles_ArticleSearch_Insert";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "ArticleSearch";""");
        }
    }
}
