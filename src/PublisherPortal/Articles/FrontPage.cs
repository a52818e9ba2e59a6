namespace PublisherPortal.Articles;

/// <summary>The home page's content: the lead story, the latest stories after it, and each section's newest.</summary>
public sealed record FrontPage(ArticleCard? Lead, IReadOnlyList<ArticleCard> Latest, IReadOnlyList<FrontPageSection> Sections);

public sealed record FrontPageSection(Section Section, IReadOnlyList<ArticleCard> Articles);
