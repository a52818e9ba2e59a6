using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using PublisherPortal.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

using PublisherPortal.Paywall;

namespace PublisherPortal.Tests.Paywall;

/// <summary>
/// The paywall's promise: for every channel × reader state × gated demo article, the article's unique sentence appears
/// exactly where the reader may read it (the article body, when allowed) and nowhere else. Readers are signed in
/// through the real session path; what "allowed" means is written out here, independent of the access policy.
/// </summary>
public sealed partial class NoLeakMatrixTests(NoLeakMatrixTests.Portal portal, ITestOutputHelper output) : IClassFixture<NoLeakMatrixTests.Portal>
{
    /// <summary>Every way article text could reach a reader.</summary>
    private static readonly string[] Channels =
        ["article body", "article meta/OpenGraph", "article JSON-LD", "home", "latest", "section", "tag", "author", "search", "search excerpt", "rss", "sitemap"];

    /// <summary>Reader states: who they are and the tier rank they should have (null: none).</summary>
    private sealed record State(string Name, bool SignedIn, int? Rank, string ExpectedTierReason, Func<Portal, Task<HttpClient>> SignIn);

    private static readonly State[] States =
    [
        new("anonymous", false, null, "Anonymous", p => Task.FromResult(p.CreateReader())),
        new("registered, no plan (Pliro)", true, null, "NoPlan", p => p.SignInAsync("pliro", "cus_free")),
        new("registered (PixelPin, no plans)", true, null, "NoPlan", p => p.SignInAsync("pixelpin", "770001")),
        new("Plus (Pliro plan plus)", true, 10, "TierTooLow", p => p.SignInAsync("pliro", "cus_plus", plan: "plus")),
        new("Premium (Pliro plan premium)", true, 20, "", p => p.SignInAsync("pliro", "cus_premium", plan: "premium")),
        new("Premium (Subrite member API, package 102)", true, 20, "", p => p.SubriteAsync("tok-premium", "active", 1)),
        // Subrite's member API lists active subscriptions only (docs/providers/subrite.md): a lapsed member gets none.
        new("lapsed member (Subrite, member API lists none)", true, null, "NoPlan", p => p.SubriteWithoutSubscriptionAsync("tok-lapsed")),
        new("unmapped plan (Pliro plan gold-legacy)", true, null, "PlanNotMapped", p => p.SignInAsync("pliro", "cus_gold", plan: "gold-legacy")),
    ];

    [Fact]
    public async Task No_gated_sentence_appears_anywhere_but_the_body_of_an_article_the_reader_may_read()
    {
        var sentences = portal.LiveGated().ToDictionary(a => a.Slug, a => portal.Demo.GatedSentences[a.Slug]);
        // Stories written in the newsroom go through the same matrix as the seeded ones.
        var written = await NewsroomStoriesAsync();
        foreach (var (slug, sentence) in written.Sentences)
        {
            sentences[slug] = sentence;
        }

        var articles = portal.LiveGated().Concat(written.Articles).ToList();
        // The matrix must cross every kind of gate, or a channel could leak a kind it never saw.
        Assert.Contains(articles, a => a.AccessLevel == AccessLevel.Registered);
        Assert.Contains(articles, a => a.MinimumTier?.Slug == "plus");
        Assert.Contains(articles, a => a.MinimumTier?.Slug == "premium");
        var opened = States.ToDictionary(s => s.Name, _ => 0);
        var closed = States.ToDictionary(s => s.Name, _ => 0);
        foreach (var state in States)
        {
            var client = await state.SignIn(portal);
            var pages = new PageCache(client);
            var rss = await pages.GetAsync("/rss.xml");
            var sitemap = await pages.GetAsync("/sitemap.xml");
            var home = await pages.GetAsync("/");
            var latest = await pages.GetAsync("/latest");
            foreach (var article in articles)
            {
                var sentence = sentences[article.Slug];
                var allowed = MayRead(state, article);
                var where = $"[{state.Name}] {article.Slug}";
                (allowed ? opened : closed)[state.Name]++;

                var (status, html) = await pages.GetWithStatusAsync($"/articles/{article.Slug}");
                Assert.Equal(HttpStatusCode.OK, status);
                var document = Html.Parse(html);
                var body = document.QuerySelector(".story__body")!.TextContent;
                Assert.True(allowed == body.Contains(sentence, StringComparison.Ordinal), $"{where}: article body should {(allowed ? "" : "not ")}carry the sentence");
                Assert.True(allowed == (document.QuerySelector(".paywall") is null), $"{where}: paywall shown wrongly");
                if (!allowed)
                {
                    var expected = article.AccessLevel == AccessLevel.Registered ? "Anonymous"
                        : state.Rank is not null ? "TierTooLow" : state.ExpectedTierReason;
                    Assert.Equal(expected, document.QuerySelector(".paywall")!.GetAttribute("data-reason"));
                }

                // Outside the body, the page must not carry it: head (meta, OpenGraph), JSON-LD, paywall, anything.
                var jsonLd = document.QuerySelectorAll("script[type='application/ld+json']").Select(s => s.TextContent).ToList();
                AssertAbsent(document.Head!.OuterHtml, sentence, where, "article meta/OpenGraph");
                document.QuerySelector(".story__body")!.Remove();
                AssertAbsent(document.DocumentElement.OuterHtml, sentence, where, "article meta/OpenGraph");
                if (!allowed)
                {
                    AssertAbsent(html, sentence, where, "article meta/OpenGraph");
                }

                Assert.NotEmpty(jsonLd);
                AssertAbsent(string.Join("\n", jsonLd.Select(JsonStrings)), sentence, where, "article JSON-LD");

                AssertAbsent(home, sentence, where, "home");
                AssertAbsent(latest, sentence, where, "latest");
                AssertAbsent(await pages.GetAsync($"/sections/{article.Section.Slug}"), sentence, where, "section");
                foreach (var tag in article.Tags)
                {
                    AssertAbsent(await pages.GetAsync($"/tags/{tag.Tag.Slug}"), sentence, where, "tag");
                }

                foreach (var author in article.Authors)
                {
                    AssertAbsent(await pages.GetAsync($"/authors/{author.Author.Slug}"), sentence, where, "author");
                }

                // Search matches gated body text only for readers who may read it, and never shows it.
                var reference = ReferencePattern().Match(sentence).Value.TrimEnd(',', '.');
                var results = await pages.GetAsync("/search?q=" + Uri.EscapeDataString(reference));
                AssertAbsent(results, sentence, where, "search");
                var found = Html.Parse(results).QuerySelectorAll(".card a").Any(a => a.GetAttribute("href") == $"/articles/{article.Slug}");
                Assert.True(allowed == found, $"{where}: search for {reference} should {(allowed ? "" : "not ")}find the article");

                // By its headline everyone finds it; its excerpt comes from the body only for a reader who may read it.
                var byTitle = Html.Parse(await pages.GetAsync("/search?q=" + Uri.EscapeDataString(article.Title)));
                AssertAbsent(byTitle.DocumentElement.OuterHtml, sentence, where, "search excerpt");
                var card = byTitle.QuerySelectorAll(".card").FirstOrDefault(c => c.QuerySelector(".card__title a")?.GetAttribute("href") == $"/articles/{article.Slug}");
                Assert.True(card is not null, $"{where}: search by its title should find the article");
                if (!allowed)
                {
                    var headline = PublisherPortal.Search.SearchQuery.Words(article.Title + " " + article.Summary);
                    var excerpt = PublisherPortal.Search.SearchQuery.Words(card.QuerySelector(".card__excerpt")?.TextContent ?? "");
                    Assert.True(excerpt.All(headline.Contains), $"{where}: the search excerpt holds words from outside the title and summary: {string.Join(' ', excerpt.Except(headline))}");
                }

                AssertAbsent(XmlText(rss), sentence, where, "rss");
                AssertAbsent(rss, sentence, where, "rss");
                AssertAbsent(sitemap, sentence, where, "sitemap");
            }
        }

        // Each state met both sides of the paywall where it has both: anonymous readers open nothing, premium readers everything.
        foreach (var state in States)
        {
            Assert.True(state.SignedIn ? closed[state.Name] > 0 || state.Rank == 20 : opened[state.Name] == 0, $"{state.Name}: {opened[state.Name]} opened, {closed[state.Name]} closed");
            Assert.True(state.SignedIn ? opened[state.Name] > 0 : closed[state.Name] == articles.Count, $"{state.Name}: {opened[state.Name]} opened, {closed[state.Name]} closed");
        }

        output.WriteLine($"No-leak matrix: {Channels.Length} channels × {States.Length} reader states × {articles.Count} gated articles, all passed.");
    }

    /// <summary>
    /// One story per kind of gate, written, gated and published through the newsroom's services by an editor, each with
    /// a sentence (and a search reference) only past its teaser; loaded back as the seeded articles are.
    /// </summary>
    private async Task<(IReadOnlyList<Article> Articles, IReadOnlyDictionary<string, string> Sentences)> NewsroomStoriesAsync()
    {
        var editor = await StaffActing.AdminAsync(portal.Services);
        var commands = portal.Services.GetRequiredService<PublisherPortal.Newsroom.Stories.StoryCommands>();
        var lifecycle = portal.Services.GetRequiredService<PublisherPortal.Newsroom.Stories.StoryLifecycle>();
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PublisherPortal.Data.PortalDbContext>();
        var section = await db.Sections.OrderBy(x => x.Position).Select(x => x.Id).FirstAsync();
        var author = await db.Authors.OrderBy(x => x.Id).Select(x => x.Id).FirstAsync();
        var gates = new (string Name, AccessLevel Level, string? Tier)[] { ("registered", AccessLevel.Registered, null), ("plus", AccessLevel.Tier, "plus"), ("premium", AccessLevel.Tier, "premium") };
        var sentences = new Dictionary<string, string>();
        var ids = new List<int>();
        foreach (var (name, level, tier) in gates)
        {
            var sentence = $"The newsroom's {name} secret is filed under HG-NR-{name}-{Guid.NewGuid():N}.";
            var form = new PublisherPortal.Newsroom.Stories.StoryForm
            {
                Title = $"Newsroom {name} story", Summary = $"A {name} story written in the newsroom.", SectionId = section, AuthorIds = [author],
                Tags = [$"newsroom-{name}"], AccessLevel = level,
                MinimumTierId = tier is null ? null : await db.AccessTiers.Where(t => t.Slug == tier).Select(t => t.Id).SingleAsync(),
                Body = $"An opening anyone may read.\n\nA second paragraph, still the teaser.\n\n{sentence}",
            };
            var saved = await commands.SaveAsync(editor, null, form, null, default);
            Assert.True(saved.Result.Succeeded, saved.Result.Message);
            Assert.True((await lifecycle.PublishAsync(editor, saved.Id!.Value, saved.Version, default)).Succeeded);
            ids.Add(saved.Id!.Value);
            sentences[await db.Articles.Where(a => a.Id == saved.Id).Select(a => a.Slug).SingleAsync()] = sentence;
        }

        var articles = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Include(a => a.Section).Include(a => a.MinimumTier).Include(a => a.Tags).ThenInclude(t => t.Tag).Include(a => a.Authors).ThenInclude(a => a.Author)
            .AsSplitQuery().ToListAsync();
        return (articles, sentences);
    }

    private static bool MayRead(State state, Article article) => article.AccessLevel switch
    {
        AccessLevel.Public => true,
        AccessLevel.Registered => state.SignedIn,
        _ => state.Rank is { } rank && article.MinimumTier is { } minimum && rank >= minimum.Rank,
    };

    private static void AssertAbsent(string text, string sentence, string where, string channel) =>
        Assert.False(text.Contains(sentence, StringComparison.Ordinal) || System.Net.WebUtility.HtmlDecode(text).Contains(sentence, StringComparison.Ordinal),
            $"{where}: the gated sentence leaked through {channel}");

    private static string JsonStrings(string json)
    {
        var strings = new List<string>();
        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o: foreach (var (_, v) in o) Walk(v); break;
                case JsonArray a: foreach (var v in a) Walk(v); break;
                case JsonValue v when v.TryGetValue<string>(out var s): strings.Add(s); break;
            }
        }

        Walk(JsonNode.Parse(json));
        return string.Join("\n", strings);
    }

    private static string XmlText(string xml) => string.Join("\n", XDocument.Parse(xml).DescendantNodes().OfType<XText>().Select(t => t.Value));

    [GeneratedRegex(@"HG-\S+")]
    private static partial Regex ReferencePattern();

    private sealed class PageCache(HttpClient client)
    {
        private readonly Dictionary<string, (HttpStatusCode, string)> _pages = new(StringComparer.Ordinal);

        public async Task<string> GetAsync(string path)
        {
            var (status, body) = await GetWithStatusAsync(path);
            Assert.True(status == HttpStatusCode.OK, $"{path} answered {status}");
            return body;
        }

        public async Task<(HttpStatusCode, string)> GetWithStatusAsync(string path)
        {
            if (!_pages.TryGetValue(path, out var page))
            {
                var response = await client.GetAsync(path);
                page = _pages[path] = (response.StatusCode, await response.Content.ReadAsStringAsync());
            }

            return page;
        }
    }

    /// <summary>
    /// The offline demo site with the search rate limit off: the matrix plays every reader from one loopback address
    /// and searches far more than one real reader would (the limit has tests of its own).
    /// </summary>
    public sealed class Portal() : PortalFactory(PortalSetup.Offline.With("RateLimits:Search:PermitLimit", "0"))
    {
        public Task<HttpClient> SubriteAsync(string token, string status, int expiresInDays)
        {
            MemberApi.Profile(token, FakeMemberApi.ProfileJson("Prem Ium", $"{token}@subrite.test",
                (102, "Premium", status, Now.AddDays(expiresInDays))));
            return SignInAsync("subrite", "sub-" + token, accessToken: token);
        }

        public Task<HttpClient> SubriteWithoutSubscriptionAsync(string token)
        {
            MemberApi.Profile(token, FakeMemberApi.ProfileJson("Lap Sed", $"{token}@subrite.test"));
            return SignInAsync("subrite", "sub-" + token, accessToken: token);
        }
    }
}
