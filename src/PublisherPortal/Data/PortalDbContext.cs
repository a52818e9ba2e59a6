using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PublisherPortal.Accounts;
using PublisherPortal.Sessions;
using PublisherPortal.Articles;
using PublisherPortal.Entitlements;
using PublisherPortal.Media;
using PublisherPortal.Newsroom;
using PublisherPortal.Paywall;
using PublisherPortal.Staff;
using PublisherPortal.Staff.Audit;

namespace PublisherPortal.Data;

/// <summary>
/// The site's model, the same on every database; the rest of the app injects this type. Each database provider has a
/// subclass of its own (<c>Data/Providers</c>) only so that each keeps its own migrations: EF's multi-provider layout,
/// described in docs/database.md.
/// </summary>
public abstract class PortalDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<Author> Authors => Set<Author>();
    public DbSet<ArticleSlugRedirect> ArticleSlugRedirects => Set<ArticleSlugRedirect>();
    public DbSet<ArticleRevision> ArticleRevisions => Set<ArticleRevision>();
    public DbSet<AccessTier> AccessTiers => Set<AccessTier>();
    public DbSet<ReaderSession> ReaderSessions => Set<ReaderSession>();
    public DbSet<ConsumedToken> ConsumedTokens => Set<ConsumedToken>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<MeteredRead> MeteredReads => Set<MeteredRead>();
    public DbSet<PlanMapping> PlanMappings => Set<PlanMapping>();
    public DbSet<UnmappedPlan> UnmappedPlans => Set<UnmappedPlan>();
    public DbSet<KnownReader> KnownReaders => Set<KnownReader>();
    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<StoredImage> StoredImages => Set<StoredImage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite hands DateTimes back as Unspecified and Npgsql refuses non-UTC values for timestamptz:
        // every DateTime in this model is UTC, so say so on the way in and out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
