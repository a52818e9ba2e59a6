using System.Text.Json;
using System.Text.Json.Serialization;

namespace PublisherPortal.Infrastructure.Signals;

/// <summary>
/// One signal on its way between instances: which instance sent it (so the sender ignores its own echo), the channel
/// and the message. Travels as a small JSON object; a payload that is not one is ignored, never trusted.
/// </summary>
public sealed record SignalEnvelope(
    [property: JsonPropertyName("o")] string Origin,
    [property: JsonPropertyName("c")] string Channel,
    [property: JsonPropertyName("m")] string Message)
{
    /// <summary>PostgreSQL refuses NOTIFY payloads of 8,000 bytes or more; every signal stays far below.</summary>
    public const int MaxPayloadLength = 7_000;

    public string ToPayload() => JsonSerializer.Serialize(this);

    public static bool TryParse(string? payload, out SignalEnvelope envelope)
    {
        envelope = null!;
        if (string.IsNullOrEmpty(payload) || payload.Length > MaxPayloadLength)
        {
            return false;
        }

        try
        {
            var parsed = JsonSerializer.Deserialize<SignalEnvelope>(payload);
            if (parsed is { Origin.Length: > 0, Channel.Length: > 0, Message: not null })
            {
                envelope = parsed;
                return true;
            }
        }
        catch (JsonException)
        {
        }

        return false;
    }
}
