using System.Diagnostics;
using Deque.AxeCore.Playwright;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using PublisherPortal.Articles;
using PublisherPortal.E2E.Infrastructure;
using PublisherPortal.Paywall;
using Xunit.Abstractions;

namespace PublisherPortal.E2E;

/// <summary>
/// The back office in Chromium, reached as a newcomer reaches it (the stand-in Pliro's test staff, made staff by the
/// committed Development settings): reader pages stay static, staff pages run in a circuit that closes when its
/// session or role ends, and each admin screen does its job.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BackOfficeTests(Chromium chromium, ITestOutputHelper output) : IDisposable
{
    private readonly StandInPortal _portal = new();

    [Fact]
    public async Task Reader_pages_load_no_script_and_open_no_socket_signed_out_or_in()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        var scriptBytes = 0L;
        var sockets = 0;
        page.WebSocket += (_, _) => Interlocked.Increment(ref sockets);
        page.Response += async (_, response) =>
        {
            if (response.Request.ResourceType == "script")
            {
                Interlocked.Add(ref scriptBytes, (await response.BodyAsync()).Length + 1);
            }
        };
        var story = _portal.Demo.Articles.First(a => a.AccessLevel == AccessLevel.Public && a.Status == ArticleStatus.Published);
        string[] paths = ["/", $"/articles/{story.Slug}", "/search?q=harbour", "/sections/news"];

        foreach (var path in paths)
        {
            await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
            Assert.True(await page.EvaluateAsync<bool>("() => typeof window.Blazor === 'undefined'"), $"{path} defines Blazor");
        }

        await StaffBrowsing.SignInAsync(page, _portal.BaseUrl, "pliro-plus", "/account");
        foreach (var path in paths.Append("/account"))
        {
            await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
        }

        output.WriteLine($"Reader pages: {scriptBytes} bytes of script, {sockets} sockets");
        Assert.Equal(0, scriptBytes);
        Assert.Equal(0, sockets);
    }

    [Fact]
    public async Task A_staff_page_opens_a_circuit_and_following_a_link_to_the_site_leaves_it()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        var socket = page.WaitForWebSocketAsync(new() { Timeout = 30_000 });
        await StaffBrowsing.SignInAsync(page, _portal.BaseUrl, "pliro-admin", "/admin");
        await StaffBrowsing.LiveAsync(page);
        var circuit = await socket;
        Assert.Contains("/_blazor", circuit.Url);
        await Assertions.Expect(page.Locator("[data-testid=staff-user]")).ToContainTextAsync("Ada Admin");
        var sockets = 0;
        page.WebSocket += (_, _) => Interlocked.Increment(ref sockets);
        var scripts = 0;
        page.Request += (_, request) =>
        {
            if (request.ResourceType == "script")
            {
                Interlocked.Increment(ref scripts);
            }
        };

        await page.GetByRole(AriaRole.Link, new() { Name = "View the site" }).ClickAsync();

        await page.WaitForURLAsync(_portal.BaseUrl + "/");
        await Assertions.Expect(page.Locator(".masthead")).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        // A new document, loaded as a static page: the circuit lived in the old one's script, and none is loaded here.
        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.Blazor === 'undefined'"), "the reader page runs Blazor");
        Assert.Equal(0, scripts);
        Assert.Equal(0, sockets);
    }

    [Fact]
    public async Task An_editor_who_navigates_inside_the_circuit_to_an_admin_screen_is_refused()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await StaffBrowsing.SignInAsync(page, _portal.BaseUrl, "pliro-editor", "/admin");
        await StaffBrowsing.LiveAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Access tiers" })).ToHaveCountAsync(0);

        // Client-side navigation: no HTTP request, so no endpoint authorization; the router must refuse it itself.
        await page.EvaluateAsync("() => Blazor.navigateTo('/admin/tiers')");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "That page is not for your account" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".tiers-grid")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_back_channel_logout_closes_an_open_staff_page_with_a_clear_message()
    {
        await using var context = await NewContextAsync();
        var staff = await context.NewPageAsync();
        await StaffBrowsing.SignInAsync(staff, _portal.BaseUrl, "pliro-admin", "/admin");
        await StaffBrowsing.OpenStaffPageAsync(staff, "/admin/tiers");

        // At Pliro, in another tab: "Sign out at Pliro" makes the stand-in post a logout token to the site.
        var pliro = await context.NewPageAsync();
        await pliro.GotoAsync("/dev/pliro/account");
        var clock = Stopwatch.StartNew();
        await pliro.GetByRole(AriaRole.Button, new() { Name = "Sign out at Pliro" }).ClickAsync();

        var delay = await StaffBrowsing.ClosedAfterAsync(staff, _portal.BaseUrl, "session-ended", clock);
        output.WriteLine($"Back-channel logout to closed staff page: {delay.TotalMilliseconds:0} ms");
        await Assertions.Expect(staff.Locator(".staff-closed-reason")).ToContainTextAsync("Your session has ended");
        await staff.GotoAsync("/admin/tiers");
        await staff.WaitForURLAsync("**/account/login**");
    }

    [Fact]
    public async Task An_admin_grants_changes_and_revokes_a_role_and_the_revoked_editors_open_page_closes_at_once()
    {
        await using var adminContext = await NewContextAsync();
        await using var editorContext = await NewContextAsync();
        var editor = await editorContext.NewPageAsync();
        // A reader who has signed in here can be found by name in the grant dialog.
        await StaffBrowsing.SignInAsync(editor, _portal.BaseUrl, "pliro-plus", "/account");
        var admin = await adminContext.NewPageAsync();
        await StaffBrowsing.SignInAsync(admin, _portal.BaseUrl, "pliro-admin", "/admin");
        await StaffBrowsing.OpenStaffPageAsync(admin, "/admin/staff");

        await admin.GetByRole(AriaRole.Button, new() { Name = "Grant a role" }).ClickAsync();
        var dialog = admin.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Grant role" }).ClickAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("Choose a role.");
        await dialog.GetByLabel("Find a reader who has signed in here").FillAsync("Per");
        await admin.GetByRole(AriaRole.Option, new() { Name = "Per Plus" }).First.ClickAsync();
        await Assertions.Expect(dialog.GetByLabel("Subject")).ToHaveValueAsync("cus_dev0000000000002");
        await dialog.GetByLabel("Role").ClickAsync();
        await admin.GetByRole(AriaRole.Option, new() { Name = "Author" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Grant role" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".mud-snackbar")).ToContainTextAsync("Per Plus is now Author.");

        await admin.GetByRole(AriaRole.Button, new() { Name = "Change role of Per Plus" }).ClickAsync();
        await admin.GetByRole(AriaRole.Dialog).GetByLabel("New role").ClickAsync();
        await admin.GetByRole(AriaRole.Option, new() { Name = "Editor" }).ClickAsync();
        await admin.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Change role" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".mud-snackbar").Last).ToContainTextAsync("Per Plus is now Editor.");

        // The editor opens the back office, then loses the role while looking at it.
        await StaffBrowsing.OpenStaffPageAsync(editor, "/admin");
        await Assertions.Expect(editor.Locator(".staff-role")).ToContainTextAsync("Editor");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Revoke role of Per Plus" }).ClickAsync();
        var clock = Stopwatch.StartNew();
        await admin.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();

        var delay = await StaffBrowsing.ClosedAfterAsync(editor, _portal.BaseUrl, "role-revoked", clock);
        output.WriteLine($"Revocation to closed editor page: {delay.TotalMilliseconds:0} ms");
        await Assertions.Expect(editor.Locator(".staff-closed-reason")).ToContainTextAsync("Your staff role was removed");
        await editor.GotoAsync("/admin");
        await editor.WaitForURLAsync("**/account/denied**");

        await StaffBrowsing.OpenStaffPageAsync(admin, "/admin/audit");
        await admin.GetByLabel("Who (name or subject)").FillAsync("Ada");
        await Assertions.Expect(admin.Locator(".audit-grid")).ToContainTextAsync("staff.revoke");
        await Assertions.Expect(admin.Locator(".audit-grid")).ToContainTextAsync("staff.grant");
    }

    [Fact]
    public async Task An_admin_creates_edits_and_deletes_a_tier_with_messages_at_the_field_and_in_a_snackbar()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await StaffBrowsing.SignInAsync(page, _portal.BaseUrl, "pliro-admin", "/admin");
        await StaffBrowsing.OpenStaffPageAsync(page, "/admin/tiers");

        await page.GetByRole(AriaRole.Button, new() { Name = "New tier" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Name").FillAsync("Gold");
        await dialog.GetByLabel("Slug").FillAsync("Gold Tier!");
        await dialog.GetByLabel("Rank").FillAsync("30");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create tier" }).ClickAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("The slug must be 1–100 lowercase letters");
        await Assertions.Expect(dialog.GetByLabel("Name")).ToHaveValueAsync("Gold");
        await dialog.GetByLabel("Slug").FillAsync("gold");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create tier" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Tier Gold created.");
        await Assertions.Expect(page.Locator(".tiers-grid")).ToContainTextAsync("gold");

        await page.GetByRole(AriaRole.Button, new() { Name = "Edit tier Gold" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByLabel("Description").FillAsync("Everything, and early.");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Save tier" }).ClickAsync();
        await Assertions.Expect(page.Locator(".tiers-grid")).ToContainTextAsync("Everything, and early.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete tier Gold" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("Tier Gold deleted.");
        await Assertions.Expect(page.Locator(".tiers-grid")).Not.ToContainTextAsync("Everything, and early.");
    }

    [Fact]
    public async Task An_admin_maps_a_plan_seen_but_unmapped_in_one_dialog()
    {
        await AddUnmappedPlanAsync("pliro", "legacy-digital");
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await StaffBrowsing.SignInAsync(page, _portal.BaseUrl, "pliro-admin", "/admin");
        await StaffBrowsing.OpenStaffPageAsync(page, "/admin/plans");
        await Assertions.Expect(page.Locator(".unmapped-plans")).ToContainTextAsync("legacy-digital");

        await page.GetByRole(AriaRole.Button, new() { Name = "Map legacy-digital" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog.GetByLabel("Plan key")).ToHaveValueAsync("legacy-digital");
        await dialog.GetByLabel("Tier").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Plus (rank 10)" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Map plan" }).ClickAsync();

        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Plan legacy-digital at pliro now opens tier Plus.");
        await Assertions.Expect(page.Locator(".unmapped-plans")).Not.ToContainTextAsync("legacy-digital");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Pliro (local test provider)" }).ClickAsync();
        await Assertions.Expect(page.Locator(".plan-mappings[data-provider=pliro]")).ToContainTextAsync("legacy-digital");
    }

    [Fact]
    public async Task The_explainer_and_the_providers_page_answer_and_copy_the_uri_to_register()
    {
        await using var context = await NewContextAsync();
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var page = await context.NewPageAsync();
        await StaffBrowsing.SignInAsync(page, _portal.BaseUrl, "pliro-plus", "/account");
        await page.Locator(".masthead .sign-out button").ClickAsync();
        await page.WaitForURLAsync(_portal.BaseUrl + "/");
        await StaffBrowsing.SignInAsync(page, _portal.BaseUrl, "pliro-admin", "/admin");
        var premium = _portal.Demo.Articles.First(a => a.AccessLevel == AccessLevel.Tier && a.Status == ArticleStatus.Published && a.MinimumTier?.Slug == "premium");

        await StaffBrowsing.OpenStaffPageAsync(page, "/admin/readers");
        await page.GetByLabel("E-mail or subject").FillAsync("per.plus@pliro.test");
        await page.GetByLabel("Article").FillAsync($"/articles/{premium.Slug}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Explain" }).ClickAsync();
        await Assertions.Expect(page.Locator(".explanation__decision")).ToContainTextAsync("tier too low");
        await Assertions.Expect(page.Locator(".explanation__plans")).ToContainTextAsync("plus → Plus");

        await StaffBrowsing.OpenStaffPageAsync(page, "/admin/providers");
        var pliro = page.Locator(".provider-status[data-provider=pliro]");
        await Assertions.Expect(pliro.Locator("code[data-uri='Redirect URI']")).ToHaveTextAsync(_portal.BaseUrl + "/signin-pliro");
        await Assertions.Expect(page.Locator(".provider-status[data-provider=subrite] .provider-discovery")).ToContainTextAsync("reachable");
        await Assertions.Expect(page.Locator(".provider-status[data-provider=subrite] .provider-keys")).ToContainTextAsync("RSA");
        await pliro.GetByRole(AriaRole.Button, new() { Name = "Copy the back-channel logout uri of Pliro (local test provider)" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("copied");
        Assert.Equal(_portal.BaseUrl + "/backchannel-logout/pliro", await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
    }

    [Fact]
    public async Task Staff_pages_have_no_serious_accessibility_violations_light_or_dark()
    {
        await AddUnmappedPlanAsync("pliro", "legacy-print");
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await StaffBrowsing.SignInAsync(page, _portal.BaseUrl, "pliro-admin", "/admin");

        foreach (var path in new[] { "/admin", "/admin/tiers", "/admin/plans", "/admin/readers?q=ada.admin%40pliro.test", "/admin/staff", "/admin/audit", "/admin/providers" })
        {
            foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
            {
                await page.EmulateMediaAsync(new() { ColorScheme = scheme });
                await StaffBrowsing.OpenStaffPageAsync(page, path);
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                var result = await page.RunAxe();
                var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
                Assert.True(serious.Count == 0,
                    $"{path} ({scheme}): " + string.Join("; ", serious.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Take(5).Select(n => $"{n.Target} ({string.Join(" ", n.Any.Select(c => c.Message))})"))}")));
            }
        }
    }

    private Task<IBrowserContext> NewContextAsync() =>
        chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _portal.BaseUrl });

    /// <summary>A plan a reader signed in with that no mapping covers, as sign-in records it.</summary>
    private async Task AddUnmappedPlanAsync(string provider, string plan)
    {
        await using var connection = new SqliteConnection($"Data Source={_portal.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO UnmappedPlans (ProviderKey, PlanKey, Label, SeenCount, FirstSeenAt, LastSeenAt) VALUES ($p, $k, NULL, 3, $t, $t)";
        command.Parameters.AddWithValue("$p", provider);
        command.Parameters.AddWithValue("$k", plan);
        command.Parameters.AddWithValue("$t", DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync();
    }

    public void Dispose() => _portal.Dispose();
}
