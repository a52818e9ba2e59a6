using Microsoft.EntityFrameworkCore;
using PublisherPortal.Articles;

namespace PublisherPortal.Data.Seed;

/// <summary>
/// Creates the demo publication on first start (Portal:SeedDemoContent). Never touches a database that has articles.
/// Announces it like any write (<see cref="ContentChanges"/>): another instance may already have served the empty site.
/// </summary>
public sealed partial class DemoContentSeeder(PortalDbContext db, ContentChanges changes, TimeProvider clock, ILogger<DemoContentSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Articles.AnyAsync(cancellationToken) || await db.Sections.AnyAsync(cancellationToken))
        {
            return;
        }

        var content = DemoPublication.Create(clock.GetUtcNow().UtcDateTime);
        db.AccessTiers.AddRange(content.Tiers);
        db.PlanMappings.AddRange(DemoPlanMappings.Create(content.Tiers));
        db.Sections.AddRange(content.Sections);
        db.Tags.AddRange(content.Tags);
        db.Authors.AddRange(content.Authors);
        db.Articles.AddRange(content.Articles);
        await db.SaveChangesAsync(cancellationToken);
        await changes.EverythingChangedAsync();
        LogSeeded(content.Articles.Count, content.Sections.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo publication: {Articles} articles in {Sections} sections")]
    private partial void LogSeeded(int articles, int sections);
}
