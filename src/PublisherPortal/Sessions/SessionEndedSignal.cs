namespace PublisherPortal.Sessions;

/// <summary>
/// How an ended session is named on <see cref="Infrastructure.Signals.SignalChannels.SessionEnded"/>: a hash of its
/// id, so a signal seen on the wire (Redis, PostgreSQL) never carries the value that, with the site's keys, would make
/// a cookie. Published by <see cref="SessionTerminator"/>; heard by the session cache and by open staff circuits.
/// </summary>
public static class SessionEndedSignal
{
    public static string KeyOf(string sessionId) =>
        System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(sessionId)));
}
