using System.ComponentModel.DataAnnotations;

namespace PublisherPortal.Infrastructure;

/// <summary>The publication's own settings (section <c>Portal</c>).</summary>
public sealed class PortalOptions
{
    public const string SectionName = "Portal";

    /// <summary>Public base URL, without a trailing slash. Canonical links and sign-in redirect URIs are built from it.</summary>
    [Required]
    public string BaseUrl { get; set; } = "";

    public string PublicationName { get; set; } = "The Harbour Gazette";

    public string PublicationDescription { get; set; } = "Independent news from Port Avery and the coast.";

    public bool SeedDemoContent { get; set; }

    /// <summary>E-mail addresses or <c>issuer|subject</c> pairs made Admin at sign-in.</summary>
    public List<string> Admins { get; set; } = [];

    [Range(1, 100)]
    public int PageSize { get; set; } = 12;

    /// <summary>How many opening paragraphs of a gated article's body a reader without access sees.</summary>
    [Range(0, 10)]
    public int TeaserParagraphs { get; set; } = 2;


    /// <summary>An absolute URL for a local path such as <c>/articles/x</c>.</summary>
    public string AbsoluteUrl(string localPath) => BaseUrl.TrimEnd('/') + "/" + localPath.TrimStart('/');
}
