using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PublisherPortal.Data.Migrations.Postgres
{
    /// <summary>
    /// Full-text search on PostgreSQL (Search/PostgresSearchIndex): two stored generated tsvector columns, kept current
    /// by the server on every write, with GIN indexes. <c>SearchHeadline</c> is what every reader may match (title A,
    /// summary B); <c>SearchDocument</c> adds the body (D) for readers who may read it. Raw SQL, outside the model, so
    /// EF never loads them with an article; docs/database.md, "Search".
    /// </summary>
    public partial class AddSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE "Articles" ADD "SearchHeadline" tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('english', coalesce("Title", '')), 'A')
                    || setweight(to_tsvector('english', coalesce("Summary", '')), 'B')) STORED;
                """);
            migrationBuilder.Sql("""
                ALTER TABLE "Articles" ADD "SearchDocument" tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('english', coalesce("Title", '')), 'A')
                    || setweight(to_tsvector('english', coalesce("Summary", '')), 'B')
                    || setweight(to_tsvector('english', coalesce("Body", '')), 'D')) STORED;
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_Articles_SearchHeadline" ON "Articles" USING GIN ("SearchHeadline");""");
            migrationBuilder.Sql("""CREATE INDEX "IX_Articles_SearchDocument" ON "Articles" USING GIN ("SearchDocument");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Articles_SearchDocument";""");
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Articles_SearchHeadline";""");
            migrationBuilder.Sql("""ALTER TABLE "Articles" DROP COLUMN IF EXISTS "SearchDocument";""");
            migrationBuilder.Sql("""ALTER TABLE "Articles" DROP COLUMN IF EXISTS "SearchHeadline";""");
        }
    }
}
