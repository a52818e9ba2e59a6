using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PublisherPortal.Data;
using PublisherPortal.Data.Providers;

namespace PublisherPortal.Tests.Data;

/// <summary>
/// AddMeteredReadSlots numbers the reads already on the meter before its unique (reader, month, slot) index is
/// built: each reader's reads in a month get slots 1, 2, 3… in story order.
/// </summary>
public sealed class MeteredReadSlotsMigrationTests
{
    private const string BeforeSlots = "20261121170000_AddMeteredReads";

    [Fact]
    public async Task Reads_on_the_meter_before_slots_existed_are_numbered_per_reader_and_month_on_sqlite()
    {
        await using var sqlite = new SqliteFile();
        await using var db = sqlite.CreateContext();
        await AssertNumberedAsync(db);
    }

    [Fact]
    public async Task Reads_on_the_meter_before_slots_existed_are_numbered_per_reader_and_month_on_postgres()
    {
        await using var postgres = await PostgresDatabase.CreateAsync();
        await using var db = PostgresPortalDbContext.Create(postgres.ConnectionString);
        await AssertNumberedAsync(db);
    }

    private static async Task AssertNumberedAsync(PortalDbContext db)
    {
        await db.GetService<IMigrator>().MigrateAsync(BeforeSlots);
        var readAt = new DateTime(2026, 11, 20, 8, 0, 0, DateTimeKind.Utc);
        foreach (var (subject, month, articleId) in new[] { ("ann", "2026-11", 9), ("ann", "2026-11", 3), ("ann", "2026-11", 5), ("bob", "2026-11", 3), ("ann", "2026-10", 1) })
        {
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO \"MeteredReads\" (\"Issuer\", \"Subject\", \"Month\", \"ArticleId\", \"ReadAt\") VALUES ('https://pliro.example', {subject}, {month}, {articleId}, {readAt})");
        }

        await db.Database.MigrateAsync();

        var slots = await db.MeteredReads.AsNoTracking()
            .OrderBy(r => r.Subject).ThenBy(r => r.Month).ThenBy(r => r.ArticleId)
            .Select(r => $"{r.Subject} {r.Month} story {r.ArticleId}: slot {r.Slot}")
            .ToListAsync();
        Assert.Equal(
            [
                "ann 2026-10 story 1: slot 1",
                "ann 2026-11 story 3: slot 1",
                "ann 2026-11 story 5: slot 2",
                "ann 2026-11 story 9: slot 3",
                "bob 2026-11 story 3: slot 1",
            ],
            slots);
    }
}
