using System.Text;

namespace PublisherPortal.Feeds;

/// <summary>A StringWriter that declares UTF-8, so the XML declaration matches the bytes actually sent.</summary>
internal sealed class StringWriterUtf8(StringBuilder builder) : StringWriter(builder)
{
    public override Encoding Encoding => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
}
