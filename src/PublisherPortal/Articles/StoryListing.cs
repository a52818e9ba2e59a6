namespace PublisherPortal.Articles;

/// <summary>
/// Where a story stands, as far as the lists that show it are concerned: whether it is visible (published or
/// scheduled), when, and under which section, tags and authors. A change gives its listing before and after, so
/// exactly the lists it leaves and joins are evicted (<see cref="ContentChanges.StoryChangedAsync"/>).
/// </summary>
public sealed record StoryListing(int Id, ArticleStatus Status, DateTime? PublishedAt, int SectionId, IReadOnlyList<int> TagIds, IReadOnlyList<int> AuthorIds)
{
    /// <summary>Published, or scheduled to be: in lists now or from its time on. Drafts and unpublished stories are in none.</summary>
    public bool Listed => Status is ArticleStatus.Published or ArticleStatus.Scheduled && PublishedAt is not null;

    /// <summary>The listing of an article as loaded (with its Tags and Authors).</summary>
    public static StoryListing Of(Article article) => new(
        article.Id, article.Status, article.PublishedAt, article.SectionId,
        article.Tags.Select(t => t.TagId).Order().ToArray(), article.Authors.Select(a => a.AuthorId).Order().ToArray());

    /// <summary>Whether a list could order or hold the story differently under <paramref name="other"/>.</summary>
    public bool ListsLike(StoryListing other) =>
        Listed == other.Listed && PublishedAt == other.PublishedAt && SectionId == other.SectionId
        && TagIds.Order().SequenceEqual(other.TagIds.Order()) && AuthorIds.Order().SequenceEqual(other.AuthorIds.Order());

    /// <summary>The lists a listed story appears in.</summary>
    public IEnumerable<string> ListTags()
    {
        if (!Listed)
        {
            yield break;
        }

        yield return ContentTags.LatestList;
        yield return ContentTags.SectionList(SectionId);
        foreach (var tag in TagIds)
        {
            yield return ContentTags.TagList(tag);
        }

        foreach (var author in AuthorIds)
        {
            yield return ContentTags.AuthorList(author);
        }
    }
}
