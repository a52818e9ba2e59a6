namespace PublisherPortal.Tests.Accounts;

/// <summary>
/// "Manage your subscription" on the account page links the reader's own provider's account page when the operator set
/// <c>Providers:{key}:AccountUrl</c> (Pliro documents none, so it is a setting for every provider type), and is absent
/// otherwise.
/// </summary>
public sealed class ManageSubscriptionLinkTests(ManageSubscriptionLinkTests.Portal portal) : IClassFixture<ManageSubscriptionLinkTests.Portal>
{
    public const string PliroAccount = "https://pliro.example/account";

    public sealed class Portal() : PortalFactory(PortalSetup.Offline.With("Providers:pliro:AccountUrl", PliroAccount));

    [Fact]
    public async Task A_reader_of_a_provider_with_an_account_page_gets_a_link_to_it()
    {
        var reader = await portal.SignInAsync("pliro", "cus_manage", plan: "plus");

        var (_, _, document) = await reader.GetPageAsync("/account");

        var link = document.QuerySelector("a.account__manage")!;
        Assert.Equal(PliroAccount, link.GetAttribute("href"));
        Assert.Equal("Manage your subscription at Pliro Test", link.TextContent.Trim());
    }

    [Fact]
    public async Task A_reader_of_a_provider_without_one_gets_no_link()
    {
        portal.MemberApi.Profile("tok-manage", FakeMemberApi.ProfileJson("No Link", "no.link@subrite.test"));
        var reader = await portal.SignInAsync("subrite", "sub-manage", accessToken: "tok-manage");

        var (_, _, document) = await reader.GetPageAsync("/account");

        Assert.NotNull(document.QuerySelector(".account-facts"));
        Assert.Null(document.QuerySelector("a.account__manage"));
    }
}
