using PublisherPortal.Articles;

namespace PublisherPortal.Tests.Articles;

public sealed class ArticleBodyRendererTests
{
    [Fact]
    public void Raw_html_in_markdown_is_escaped_not_rendered()
    {
        var html = ArticleBodyRenderer.Render("Hello <script>alert(1)</script> and <img src=x onerror=alert(2)>", null);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("[click]( javascript:alert(1) )")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[click](vbscript:msgbox)")]
    public void Links_with_script_schemes_are_neutralised(string markdown)
    {
        var document = Html.Parse(ArticleBodyRenderer.Render(markdown, null));
        Assert.All(document.QuerySelectorAll("a[href]"), a => Assert.Equal("#", a.GetAttribute("href")));
    }

    [Theory]
    [InlineData("[site](https://example.com/a?b=c)", "https://example.com/a?b=c")]
    [InlineData("[section](/sections/news)", "/sections/news")]
    [InlineData("[mail](mailto:desk@example.com)", "mailto:desk@example.com")]
    public void Ordinary_links_are_kept(string markdown, string href) =>
        Assert.Contains($"href=\"{href}\"", ArticleBodyRenderer.Render(markdown, null));

    [Fact]
    public void A_teaser_keeps_only_the_leading_paragraphs()
    {
        const string markdown = "First paragraph.\n\nSecond paragraph.\n\nThird paragraph with the secret.\n\n## Later\n\nMore.";
        var html = ArticleBodyRenderer.Render(markdown, 2);
        Assert.Contains("First paragraph.", html);
        Assert.Contains("Second paragraph.", html);
        Assert.DoesNotContain("secret", html);
        Assert.DoesNotContain("Later", html);
    }

    [Fact]
    public void A_teaser_stops_at_the_first_block_that_is_not_a_paragraph()
    {
        var html = ArticleBodyRenderer.Render("Opening.\n\n- a list item that carries the story\n\nClosing paragraph.", 3);
        Assert.Contains("Opening.", html);
        Assert.DoesNotContain("list item", html);
        Assert.DoesNotContain("Closing", html);
    }

    [Fact]
    public void A_zero_paragraph_teaser_is_empty() => Assert.Equal("", ArticleBodyRenderer.Render("Only paragraph.", 0).Trim());

    [Fact]
    public void A_teaser_link_does_not_borrow_the_url_of_a_reference_defined_after_the_cut()
    {
        const string markdown = "Read [the leaked memo][memo] first.\n\nSecond paragraph.\n\nThe gated part.\n\n[memo]: https://secret.example/gated-memo";

        var teaser = ArticleBodyRenderer.Render(markdown, 2);

        Assert.DoesNotContain("secret.example", teaser);
        Assert.Contains("the leaked memo", teaser);
        Assert.Contains("secret.example", ArticleBodyRenderer.Render(markdown, null)); // the full story keeps its link
    }

    [Fact]
    public void A_teaser_link_keeps_a_reference_defined_within_the_teaser()
    {
        const string markdown = "[memo]: https://public.example/memo\n\nRead [the memo][memo] first.\n\nSecond paragraph.\n\nThe gated part.";

        var teaser = ArticleBodyRenderer.Render(markdown, 2);

        Assert.Contains("href=\"https://public.example/memo\"", teaser);
        Assert.Contains("Second paragraph.", teaser);
        Assert.DoesNotContain("gated part", teaser);
    }
}
