using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace PublisherPortal.Data.Migrations;

/// <summary>
/// Hand-kept model snapshot, provider-neutral like the migrations. Update it with every migration;
/// MigrationsDriftTests compares it with the live model on SQLite and on PostgreSQL.
/// </summary>
[DbContext(typeof(PortalDbContext))]
public sealed partial class PortalDbContextModelSnapshot : ModelSnapshot
{
    protected override void BuildModel(ModelBuilder modelBuilder)
    {
        modelBuilder
            .HasAnnotation("ProductVersion", "10.0.14")
            .HasAnnotation("Relational:MaxIdentifierLength", 63)
            .HasAnnotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

        modelBuilder.Entity("PublisherPortal.Entitlements.AccessTier", b =>
        {
            b.Property<int>("Id").ValueGeneratedOnAdd()
                .HasAnnotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
            b.Property<string>("Description").HasMaxLength(500);
            b.Property<string>("Name").IsRequired().HasMaxLength(100);
            b.Property<int>("Rank");
            b.Property<string>("Slug").IsRequired().HasMaxLength(100);
            b.HasKey("Id");
            b.HasIndex("Rank").IsUnique();
            b.HasIndex("Slug").IsUnique();
            b.ToTable("AccessTiers");
        });

        modelBuilder.Entity("PublisherPortal.Entitlements.PlanMapping", b =>
        {
            b.Property<int>("Id").ValueGeneratedOnAdd()
                .HasAnnotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
            b.Property<int>("AccessTierId");
            b.Property<string>("PlanKey").IsRequired().HasMaxLength(200);
            b.Property<string>("ProviderKey").IsRequired().HasMaxLength(100);
            b.HasKey("Id");
            b.HasIndex("AccessTierId");
            b.HasIndex("ProviderKey", "PlanKey").IsUnique();
            b.ToTable("PlanMappings");
            b.HasOne("PublisherPortal.Entitlements.AccessTier", "AccessTier")
                .WithMany().HasForeignKey("AccessTierId").OnDelete(DeleteBehavior.Restrict).IsRequired();
            b.Navigation("AccessTier");
        });

        modelBuilder.Entity("PublisherPortal.Entitlements.UnmappedPlan", b =>
        {
            b.Property<int>("Id").ValueGeneratedOnAdd()
                .HasAnnotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
            b.Property<DateTime>("FirstSeenAt");
            b.Property<string>("Label").HasMaxLength(200);
            b.Property<DateTime>("LastSeenAt");
            b.Property<string>("PlanKey").IsRequired().HasMaxLength(200);
            b.Property<string>("ProviderKey").IsRequired().HasMaxLength(100);
            b.Property<int>("SeenCount");
            b.HasKey("Id");
            b.HasIndex("ProviderKey", "PlanKey").IsUnique();
            b.ToTable("UnmappedPlans");
        });

        modelBuilder.Entity("PublisherPortal.Entitlements.KnownReader", b =>
        {
            b.Property<int>("Id").ValueGeneratedOnAdd()
                .HasAnnotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
            b.Property<string>("Email").HasMaxLength(320);
            b.Property<DateTime>("FirstSeenAt");
            b.Property<string>("Issuer").IsRequired().HasMaxLength(500);
            b.Property<DateTime>("LastSignInAt");
            b.Property<int?>("LastTierRank");
            b.Property<string>("Name").HasMaxLength(200);
            b.Property<string>("PlanKeys").IsRequired().HasMaxLength(2000);
            b.Property<DateTime>("PlansReadAt");
            b.Property<string>("PlansSource").IsRequired().HasMaxLength(50);
            b.Property<string>("ProviderKey").IsRequired().HasMaxLength(100);
            b.Property<string>("Subject").IsRequired().HasMaxLength(255);
            b.HasKey("Id");
            b.HasIndex("Email");
            b.HasIndex("Issuer", "Subject").IsUnique();
            b.ToTable("KnownReaders");
        });

        modelBuilder.Entity("PublisherPortal.Sessions.ReaderSession", b =>
        {
            b.Property<string>("Id").HasMaxLength(64);
            b.Property<DateTime>("CreatedAt");
            b.Property<DateTime>("ExpiresAt");
            b.Property<string>("Issuer").IsRequired().HasMaxLength(500);
            b.Property<DateTime>("LastSeenAt");
            b.Property<string>("Provider").IsRequired().HasMaxLength(100);
            b.Property<string>("ProviderSessionId").HasMaxLength(255);
            b.Property<string>("Subject").IsRequired().HasMaxLength(255);
            b.Property<byte[]>("Ticket").IsRequired();
            b.HasKey("Id");
            b.HasIndex("ExpiresAt");
            b.HasIndex("Issuer", "Subject");
            b.HasIndex("Provider", "ProviderSessionId");
            b.ToTable("ReaderSessions");
        });

        modelBuilder.Entity("PublisherPortal.Articles.Author", b =>
        {
            b.Property<int>("Id").ValueGeneratedOnAdd()
                .HasAnnotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
            b.Property<string>("Bio").HasMaxLength(2000);
            b.Property<string>("Name").IsRequired().HasMaxLength(150);
            b.Property<string>("Role").HasMaxLength(150);
            b.Property<string>("Slug").IsRequired().HasMaxLength(150);
            b.HasKey("Id");
            b.HasIndex("Slug").IsUnique();
            b.ToTable("Authors");
        });

        modelBuilder.Entity("PublisherPortal.Articles.Section", b =>
        {
            b.Property<int>("Id").ValueGeneratedOnAdd()
                .HasAnnotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
            b.Property<string>("Description").HasMaxLength(500);
            b.Property<string>("Name").IsRequired().HasMaxLength(100);
            b.Property<int>("Position");
            b.Property<string>("Slug").IsRequired().HasMaxLength(100);
            b.HasKey("Id");
            b.HasIndex("Slug").IsUnique();
            b.ToTable("Sections");
        });

        modelBuilder.Entity("PublisherPortal.Articles.Tag", b =>
        {
            b.Property<int>("Id").ValueGeneratedOnAdd()
                .HasAnnotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
            b.Property<string>("Name").IsRequired().HasMaxLength(100);
            b.Property<string>("Slug").IsRequired().HasMaxLength(100);
            b.HasKey("Id");
            b.HasIndex("Slug").IsUnique();
            b.ToTable("Tags");
        });

        modelBuilder.Entity("PublisherPortal.Sessions.ConsumedToken", b =>
        {
            b.Property<string>("KeyHash").HasMaxLength(43).IsUnicode(false).IsFixedLength();
            b.Property<DateTime>("ExpiresAt");
            b.HasKey("KeyHash");
            b.HasIndex("ExpiresAt");
            b.ToTable("ConsumedTokens");
        });

        modelBuilder.Entity("PublisherPortal.Infrastructure.DataProtection.DataProtectionKey", b =>
        {
            b.Property<int>("Id").ValueGeneratedOnAdd()
                .HasAnnotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
            b.Property<string>("FriendlyName").HasMaxLength(200);
            b.Property<string>("Xml").IsRequired();
            b.HasKey("Id");
            b.ToTable("DataProtectionKeys");
        });

        modelBuilder.Entity("PublisherPortal.Paywall.MeteredRead", b =>
        {
            b.Property<string>("Issuer").HasMaxLength(500);
            b.Property<string>("Subject").HasMaxLength(255);
            b.Property<string>("Month").HasMaxLength(7);
            b.Property<int>("ArticleId");
            b.Property<DateTime>("ReadAt");
            b.Property<int>("Slot");
            b.HasKey("Issuer", "Subject", "Month", "ArticleId");
            b.HasIndex("Issuer", "Subject", "Month", "Slot").IsUnique();
            b.ToTable("MeteredReads");
        });

        modelBuilder.Entity("PublisherPortal.Articles.Article", b =>
        {
            b.Property<int>("Id").ValueGeneratedOnAdd()
                .HasAnnotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
            b.Property<int>("AccessLevel");
            b.Property<string>("Body").IsRequired();
            b.Property<DateTime>("CreatedAt");
            b.Property<string>("HeroImageAlt").HasMaxLength(300);
            b.Property<string>("HeroImageUrl").HasMaxLength(500);
            b.Property<int?>("MinimumTierId");
            b.Property<DateTime?>("PublishedAt");
            b.Property<int>("SectionId");
            b.Property<string>("SeoDescription").HasMaxLength(300);
            b.Property<string>("SeoTitle").HasMaxLength(200);
            b.Property<string>("Slug").IsRequired().HasMaxLength(200);
            b.Property<int>("Status");
            b.Property<string>("Summary").IsRequired().HasMaxLength(600);
            b.Property<string>("Title").IsRequired().HasMaxLength(200);
            b.Property<DateTime>("UpdatedAt");
            b.Property<Guid>("Version").IsConcurrencyToken();
            b.HasKey("Id");
            b.HasIndex("MinimumTierId");
            b.HasIndex("Slug").IsUnique();
            b.HasIndex("SectionId", "Status", "PublishedAt", "Id");
            b.HasIndex("Status", "PublishedAt", "Id");
            b.ToTable("Articles");
        });

        modelBuilder.Entity("PublisherPortal.Articles.ArticleAuthor", b =>
        {
            b.Property<int>("ArticleId");
            b.Property<int>("AuthorId");
            b.Property<int>("Position");
            b.HasKey("ArticleId", "AuthorId");
            b.HasIndex("AuthorId", "ArticleId");
            b.ToTable("ArticleAuthor");
        });

        modelBuilder.Entity("PublisherPortal.Articles.ArticleTag", b =>
        {
            b.Property<int>("ArticleId");
            b.Property<int>("TagId");
            b.HasKey("ArticleId", "TagId");
            b.HasIndex("TagId", "ArticleId");
            b.ToTable("ArticleTag");
        });

        modelBuilder.Entity("PublisherPortal.Articles.Article", b =>
        {
            b.HasOne("PublisherPortal.Entitlements.AccessTier", "MinimumTier")
                .WithMany().HasForeignKey("MinimumTierId").OnDelete(DeleteBehavior.Restrict);
            b.HasOne("PublisherPortal.Articles.Section", "Section")
                .WithMany().HasForeignKey("SectionId").OnDelete(DeleteBehavior.Restrict).IsRequired();
            b.Navigation("MinimumTier");
            b.Navigation("Section");
        });

        modelBuilder.Entity("PublisherPortal.Articles.ArticleAuthor", b =>
        {
            b.HasOne("PublisherPortal.Articles.Article", "Article")
                .WithMany("Authors").HasForeignKey("ArticleId").OnDelete(DeleteBehavior.Cascade).IsRequired();
            b.HasOne("PublisherPortal.Articles.Author", "Author")
                .WithMany().HasForeignKey("AuthorId").OnDelete(DeleteBehavior.Cascade).IsRequired();
            b.Navigation("Article");
            b.Navigation("Author");
        });

        modelBuilder.Entity("PublisherPortal.Articles.ArticleTag", b =>
        {
            b.HasOne("PublisherPortal.Articles.Article", "Article")
                .WithMany("Tags").HasForeignKey("ArticleId").OnDelete(DeleteBehavior.Cascade).IsRequired();
            b.HasOne("PublisherPortal.Articles.Tag", "Tag")
                .WithMany().HasForeignKey("TagId").OnDelete(DeleteBehavior.Cascade).IsRequired();
            b.Navigation("Article");
            b.Navigation("Tag");
        });

        modelBuilder.Entity("PublisherPortal.Articles.Article", b =>
        {
            b.Navigation("Authors");
            b.Navigation("Tags");
        });
    }
}
