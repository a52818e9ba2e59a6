namespace PublisherPortal.Articles;

public enum ArticleStatus
{
    Draft = 0,
    Scheduled = 1,
    Published = 2,

    /// <summary>Taken down by the newsroom: its URL answers 410 and it is in no list, feed, search or sitemap.</summary>
    Unpublished = 3,
}
