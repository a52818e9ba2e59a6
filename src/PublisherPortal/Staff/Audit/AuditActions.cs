namespace PublisherPortal.Staff.Audit;

/// <summary>The kinds of staff action the audit log records; the newsroom adds its own under <c>article.</c>.</summary>
public static class AuditActions
{
    public const string StaffGrant = "staff.grant";
    public const string StaffChange = "staff.change";
    public const string StaffRevoke = "staff.revoke";

    /// <summary><c>Portal:Admins</c> (or, in Development, <c>Staff:DevelopmentRoles</c>) gave a role at sign-in.</summary>
    public const string StaffBootstrap = "staff.bootstrap";

    public const string TierCreate = "tier.create";
    public const string TierUpdate = "tier.update";
    public const string TierDelete = "tier.delete";
    public const string MappingCreate = "mapping.create";
    public const string MappingUpdate = "mapping.update";
    public const string MappingDelete = "mapping.delete";
    public const string MappingOffer = "mapping.offer";

    public const string ArticleCreate = "article.create";
    public const string ArticleSave = "article.save";
    public const string ArticleRestore = "article.restore";
    public const string ArticlePublish = "article.publish";
    public const string ArticleSchedule = "article.schedule";

    /// <summary>The scheduler published a scheduled story when its time came (the actor is the site itself).</summary>
    public const string ArticleScheduledPublish = "article.scheduled_publish";

    public const string ArticleUnpublish = "article.unpublish";
    public const string ArticleAccess = "article.access";

    public const string SectionCreate = "section.create";
    public const string SectionUpdate = "section.update";
    public const string TagCreate = "tag.create";
    public const string TagRename = "tag.rename";
    public const string TagMerge = "tag.merge";
    public const string AuthorCreate = "author.create";
    public const string AuthorUpdate = "author.update";

    /// <summary>An image uploaded in the newsroom (stored, or the same file found already stored).</summary>
    public const string ImageUpload = "image.upload";

    public static IReadOnlyList<string> All { get; } =
    [
        StaffGrant, StaffChange, StaffRevoke, StaffBootstrap, TierCreate, TierUpdate, TierDelete, MappingCreate, MappingUpdate, MappingDelete, MappingOffer,
        ArticleCreate, ArticleSave, ArticleRestore, ArticlePublish, ArticleSchedule, ArticleScheduledPublish, ArticleUnpublish, ArticleAccess,
        SectionCreate, SectionUpdate, TagCreate, TagRename, TagMerge, AuthorCreate, AuthorUpdate, ImageUpload,
    ];
}
