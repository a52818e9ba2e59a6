using System.Net;
using System.Text.RegularExpressions;

namespace PublisherPortal.Tests.Hosting;

/// <summary>
/// A service manager starts the published site from a folder that is not its own: the site still finds its settings,
/// its database folder and its wwwroot, and never answers a missing asset with an empty 200.
/// </summary>
public sealed partial class StartedElsewhereTests(PublishedSite site) : IClassFixture<PublishedSite>
{
    [Fact]
    public async Task Started_from_another_folder_the_site_reads_its_own_settings_and_serves_its_stylesheet()
    {
        var page = await site.Client.GetAsync("/");
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"{page.StatusCode}\n{site.Output}");
        Assert.Contains(PublishedSite.PublicationName, html, StringComparison.Ordinal);

        var stylesheet = await site.Client.GetAsync(StylesheetHref(html));

        Assert.Equal(HttpStatusCode.OK, stylesheet.StatusCode);
        Assert.Equal("text/css", stylesheet.Content.Headers.ContentType?.MediaType);
        var published = await File.ReadAllBytesAsync(Path.Combine(site.AppFolder, "wwwroot", "css", "site.css"));
        Assert.NotEmpty(published);
        Assert.Equal(published, await stylesheet.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public void Started_from_another_folder_the_default_sqlite_database_lives_beside_the_app()
    {
        Assert.True(File.Exists(Path.Combine(site.AppFolder, "data", "portal.db")), site.Output);
        Assert.Empty(Directory.EnumerateFileSystemEntries(site.WorkingDirectory));
    }

    [Fact]
    public async Task An_asset_missing_from_the_web_root_is_a_404_not_an_empty_200()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(site.AppFolder, "wwwroot"), "favicon.svg*"))
        {
            File.Delete(file);
        }

        var response = await site.Client.GetAsync("/favicon.svg");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static string StylesheetHref(string html)
    {
        var match = StylesheetLink().Match(html);
        Assert.True(match.Success, "The page links no stylesheet:\n" + html);
        return "/" + match.Groups["href"].Value.TrimStart('/');
    }

    [GeneratedRegex("<link[^>]+rel=\"stylesheet\"[^>]+href=\"(?<href>[^\"]+\\.css)\"|<link[^>]+href=\"(?<href>[^\"]+\\.css)\"[^>]+rel=\"stylesheet\"")]
    private static partial Regex StylesheetLink();
}
