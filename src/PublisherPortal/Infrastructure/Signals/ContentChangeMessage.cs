namespace PublisherPortal.Infrastructure.Signals;

/// <summary>
/// How a content change travels between instances on <see cref="SignalChannels.ContentChanged"/>: the cache tags it
/// evicts, separated by spaces (tags never contain one), in messages of at most <see cref="MaxLength"/> characters so
/// every transport carries them. <see cref="EverythingTag"/> evicts everything.
/// </summary>
public static class ContentChangeMessage
{
    public const int MaxLength = 1000;

    /// <summary>Every cache holds everything under this tag too: the demo seeder, a bulk load.</summary>
    public const string EverythingTag = "all";

    /// <summary>Whether a message evicts <paramref name="tag"/> (or everything).</summary>
    public static bool Evicts(string message, string tag) =>
        Decode(message).Any(t => t == tag || t == EverythingTag);

    public static IEnumerable<string> Encode(IEnumerable<string> tags)
    {
        var message = new System.Text.StringBuilder();
        foreach (var tag in tags.Distinct(StringComparer.Ordinal))
        {
            if (tag.Length == 0 || tag.Contains(' ', StringComparison.Ordinal) || tag.Length > MaxLength)
            {
                throw new ArgumentException($"'{tag}' is not a cache tag: tags are non-empty, short and have no spaces.", nameof(tags));
            }

            if (message.Length > 0 && message.Length + 1 + tag.Length > MaxLength)
            {
                yield return message.ToString();
                message.Clear();
            }

            message.Append(message.Length > 0 ? " " : "").Append(tag);
        }

        if (message.Length > 0)
        {
            yield return message.ToString();
        }
    }

    public static string[] Decode(string message) => message.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
