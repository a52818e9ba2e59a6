using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace PublisherPortal.Articles;

/// <summary>
/// A keyset position in a newest-first list: the (published time, id) of the last item shown. Opaque to readers
/// (base64url) so URLs stay stable and no page is ever computed with OFFSET.
/// </summary>
public readonly record struct PageCursor(DateTime PublishedAt, int Id)
{
    public string Encode() =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(
            PublishedAt.Ticks.ToString(CultureInfo.InvariantCulture) + "." + Id.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Parses a cursor from a query string; false for anything this type did not produce.</summary>
    public static bool TryParse(string? value, out PageCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(value) || value.Length > 64)
        {
            return false;
        }

        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(value);
        }
        catch (FormatException)
        {
            return false;
        }

        var text = Encoding.ASCII.GetString(bytes);
        var dot = text.IndexOf('.');
        if (dot <= 0
            || !long.TryParse(text.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || !int.TryParse(text.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || ticks > DateTime.MaxValue.Ticks || id <= 0)
        {
            return false;
        }

        cursor = new PageCursor(new DateTime(ticks, DateTimeKind.Utc), id);
        return true;
    }
}
