namespace PublisherPortal.Paywall;

/// <summary>Whether deciding for the article page may spend one of the reader's free stories.</summary>
public enum MeterUse
{
    /// <summary>The reader is opening the story: a free story is recorded when it opens it.</summary>
    Record,
    /// <summary>Someone asks what the reader would get (the admin's explainer): nothing is recorded.</summary>
    Peek,
}
