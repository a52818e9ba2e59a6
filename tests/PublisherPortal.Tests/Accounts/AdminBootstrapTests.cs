using System.Net;

namespace PublisherPortal.Tests.Accounts;

/// <summary>
/// <c>Portal:Admins</c> makes the first admins: by issuer|subject, or by an e-mail address only when the provider
/// asserted it verified. Anyone can type any address into an account at some provider.
/// </summary>
public sealed class AdminBootstrapTests(AdminBootstrapTests.Portal portal) : IClassFixture<AdminBootstrapTests.Portal>
{
    private const string AdminEmail = "owner@gazette.test";

    [Fact]
    public async Task An_unverified_e_mail_that_matches_an_admin_address_opens_nothing()
    {
        var reader = await portal.SignInAsync("pliro", "cus_impostor", email: AdminEmail, emailVerified: false);

        var response = await reader.GetAsync("/admin/tiers");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/denied", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_verified_e_mail_that_matches_an_admin_address_makes_an_admin()
    {
        var admin = await portal.SignInAsync("pliro", "cus_owner", email: AdminEmail.ToUpperInvariant(), emailVerified: true);

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/tiers")).StatusCode);
    }

    [Fact]
    public async Task An_issuer_and_subject_make_an_admin_whatever_the_e_mail_says()
    {
        var admin = await portal.SignInAsync("subrite", "member-7");

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/tiers")).StatusCode);
    }

    [Fact]
    public async Task The_same_subject_at_another_issuer_is_not_that_admin()
    {
        var stranger = await portal.SignInAsync("pliro", "member-7");

        Assert.Equal(HttpStatusCode.Redirect, (await stranger.GetAsync("/admin/tiers")).StatusCode);
    }

    public sealed class Portal() : PortalFactory(PortalSetup.Offline
        .With("Portal:Admins:0", AdminEmail)
        .With("Portal:Admins:1", "https://subrite.example|member-7"));
}
