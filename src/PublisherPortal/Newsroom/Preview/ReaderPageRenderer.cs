using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Options;
using PublisherPortal.Accounts;
using PublisherPortal.Articles;
using PublisherPortal.Infrastructure;
using PublisherPortal.Paywall;

namespace PublisherPortal.Newsroom.Preview;

/// <summary>
/// Renders a story's reader page, layout and all, as one kind of reader gets it, to a whole HTML document the newsroom
/// shows in a sandboxed frame. The page's components run as they do for a request, except that the reader is fixed
/// (<see cref="ReaderAccessor.For"/>) and there is no request: the masthead shows that reader, and forms carry no
/// antiforgery token of the editor's.
/// </summary>
public sealed class ReaderPageRenderer(IServiceScopeFactory scopes, ILoggerFactory loggers, IOptions<PortalOptions> portal)
{
    public async Task<string> RenderAsync(ArticleDetail article, Reader reader, AccessDecision decision, string bodyHtml)
    {
        await using var scope = scopes.CreateAsyncScope();
        var links = decision.IsFull ? [] : scope.ServiceProvider.GetRequiredService<PaywallLinks>().For(decision, article.Access, reader, "/articles/" + article.Slug);
        var services = new FixedReaderServices(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ReaderAccessor>().For(reader));
        await using var renderer = new HtmlRenderer(services, loggers);
        var page = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(ReaderPage.Article)] = article,
                [nameof(ReaderPage.Decision)] = decision,
                [nameof(ReaderPage.BodyHtml)] = bodyHtml,
                [nameof(ReaderPage.PaywallLinks)] = links,
            });
            return (await renderer.RenderComponentAsync<ReaderPage>(parameters)).ToHtmlString();
        });

        // The head a reader's page has, less what only a browser on the site needs: the site's stylesheet, the title,
        // and the JSON-LD search engines read (data, never run: the frame allows no script). Links open in a new tab:
        // the site's own pages refuse to be framed.
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>{WebUtility.HtmlEncode(article.SeoTitle ?? article.Title)}</title>
            <link rel="stylesheet" href="/css/site.css" />
            <base target="_blank" />
            {NewsArticleSchema.ToScriptTag(article, portal.Value)}
            </head>
            <body>
            {page}
            </body>
            </html>
            """;
    }

    /// <summary>The scope's services, with the one reader the page is rendered for.</summary>
    private sealed class FixedReaderServices(IServiceProvider inner, ReaderAccessor readers) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(ReaderAccessor) ? readers : inner.GetService(serviceType);
    }
}
