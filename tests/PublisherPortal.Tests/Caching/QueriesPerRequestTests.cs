namespace PublisherPortal.Tests.Caching;

/// <summary>
/// A warm page, even a signed-in reader's, needs no database round trip: the session and its plans from memory
/// (within Sessions:CacheLifetime), the story and lists from the shared query results, the body rendered once per
/// revision. Counted with an EF interceptor, not timed.
/// </summary>
public sealed class QueriesPerRequestTests(CachingPortal portal) : IClassFixture<CachingPortal>
{
    [Fact]
    public async Task An_entitled_readers_warm_story_page_sends_no_query()
    {
        var story = portal.LiveGated().First(a => a.MinimumTier?.Slug == "premium");
        var reader = await portal.SignInAsync("pliro", "cus_queries_premium", plan: "premium");
        await reader.GetStringAsync($"/articles/{story.Slug}");
        portal.Queries.Reset();

        var page = await reader.GetStringAsync($"/articles/{story.Slug}");

        Assert.Contains(portal.Demo.GatedSentences[story.Slug], page);
        Assert.True(portal.Queries.Count == 0, "queries on a warm entitled story page:\n" + string.Join("\n---\n", portal.Queries.Commands));
    }

    [Fact]
    public async Task A_signed_in_readers_warm_lists_send_no_query()
    {
        var story = portal.Live()[0];
        var reader = await portal.SignInAsync("pliro", "cus_queries_lists", plan: "plus");
        var paths = new[] { "/", "/latest", $"/sections/{story.Section.Slug}", $"/tags/{story.Tags[0].Tag.Slug}", $"/authors/{story.Authors[0].Author.Slug}" };
        foreach (var path in paths)
        {
            await reader.GetStringAsync(path);
        }

        portal.Queries.Reset();
        foreach (var path in paths)
        {
            await reader.GetStringAsync(path);
        }

        Assert.True(portal.Queries.Count == 0, "queries on warm signed-in lists:\n" + string.Join("\n---\n", portal.Queries.Commands));
    }
}
