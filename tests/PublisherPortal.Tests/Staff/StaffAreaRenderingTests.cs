using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using PublisherPortal.Staff;

namespace PublisherPortal.Tests.Staff;

/// <summary>
/// Reader pages stay static (no script, no circuit); only the staff area is interactive, every one of its pages
/// demands a staff policy, and the door to circuits lets in only staff from this site's own pages.
/// </summary>
public sealed class StaffAreaRenderingTests(StaffSite site) : IClassFixture<StaffSite>
{
    private static readonly Type[] RoutablePages = typeof(Program).Assembly.GetTypes()
        .Where(t => typeof(IComponent).IsAssignableFrom(t) && t.GetCustomAttributes<RouteAttribute>().Any()).ToArray();

    private static bool IsStaffPage(Type page) =>
        page.Namespace!.StartsWith("PublisherPortal.Admin", StringComparison.Ordinal) || page.Namespace.StartsWith("PublisherPortal.Newsroom", StringComparison.Ordinal);

    [Fact]
    public void Every_page_outside_the_staff_area_is_excluded_from_interactive_routing()
    {
        var interactive = RoutablePages.Where(p => !IsStaffPage(p) && p.GetCustomAttribute<ExcludeFromInteractiveRoutingAttribute>() is null)
            .Select(p => p.FullName).ToList();

        Assert.True(interactive.Count == 0, "Reader pages that would render in a circuit: " + string.Join(", ", interactive));
        Assert.Contains(RoutablePages, p => p.Name == "ArticleView");
    }

    [Fact]
    public void Every_staff_page_demands_a_staff_policy_and_is_interactive()
    {
        var staffPages = RoutablePages.Where(IsStaffPage).ToList();
        Assert.True(staffPages.Count >= 7, $"found only {staffPages.Count} staff pages");
        foreach (var page in staffPages)
        {
            var authorize = page.GetCustomAttributes<AuthorizeAttribute>().ToList();
            Assert.True(authorize.Count > 0 && authorize.All(a => a.Policy is StaffPolicies.Staff or StaffPolicies.Author or StaffPolicies.Editor or StaffPolicies.Admin),
                $"{page.Name} is not behind a staff policy");
            Assert.Null(page.GetCustomAttribute<AllowAnonymousAttribute>());
            Assert.Null(page.GetCustomAttribute<ExcludeFromInteractiveRoutingAttribute>());
        }
    }

    [Theory]
    [InlineData("/", true)]
    [InlineData("/search?q=harbour", true)]
    [InlineData("/account/login", true)]
    // Where a closed staff page lands: static, though under /admin (whose policy allows inline styles).
    [InlineData("/admin/closed?reason=session-ended", false)]
    public async Task A_reader_page_carries_no_script_and_the_strict_policy(string path, bool strict)
    {
        var response = await site.CreateReader().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("blazor", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("MudBlazor", html, StringComparison.Ordinal);
        Assert.Equal(strict, response.Headers.GetValues("Content-Security-Policy").Single().Contains("style-src 'self';", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_signed_in_readers_pages_carry_no_script_either()
    {
        var reader = await site.PersonaAsync("reader");
        var article = site.Demo.Articles.First(a => a.Status == PublisherPortal.Articles.ArticleStatus.Published);

        foreach (var path in new[] { "/", $"/articles/{article.Slug}", "/account" })
        {
            var (_, html, page) = await reader.Client.GetPageAsync(path);
            // JSON-LD is data a browser never runs; nothing else is a script.
            Assert.All(page.QuerySelectorAll("script"), s => Assert.Equal("application/ld+json", s.GetAttribute("type")));
            Assert.DoesNotContain("Blazor", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_staff_page_loads_the_circuit_script_and_allows_only_inline_styles_beyond_the_strict_policy()
    {
        var admin = await site.PersonaAsync("admin");

        var response = await admin.Client.GetAsync("/admin/tiers");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("_framework/blazor.web", html);
        Assert.Contains("_content/MudBlazor/MudBlazor.min", html);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("style-src 'self' 'unsafe-inline';", csp);
        Assert.Contains("script-src 'self';", csp);
        Assert.Contains("default-src 'self';", csp);
    }

    [Theory]
    [InlineData("anonymous", null, HttpStatusCode.Forbidden)]
    [InlineData("reader", null, HttpStatusCode.Forbidden)]
    [InlineData("admin", "https://evil.example", HttpStatusCode.Forbidden)]
    [InlineData("admin", PortalFactory.BaseUrl, HttpStatusCode.OK)]
    [InlineData("contributor", PortalFactory.BaseUrl, HttpStatusCode.OK)]
    public async Task Only_staff_on_this_sites_pages_may_open_a_circuit(string persona, string? origin, HttpStatusCode expected)
    {
        var who = await site.PersonaAsync(persona);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        var response = await who.Client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }
}
