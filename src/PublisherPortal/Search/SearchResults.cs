using Microsoft.AspNetCore.Components;
using PublisherPortal.Articles;

namespace PublisherPortal.Search;

/// <summary>One page of results, best first, and the number of the next page when there is one.</summary>
public sealed record SearchResults(IReadOnlyList<SearchResult> Items, int? NextPage)
{
    public static SearchResults None { get; } = new([], null);
}

/// <summary>A matching story and its excerpt (safe HTML, matches marked), when the engine gave one.</summary>
public sealed record SearchResult(ArticleCard Card, MarkupString? Excerpt);
