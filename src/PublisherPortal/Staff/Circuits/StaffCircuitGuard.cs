using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using PublisherPortal.Infrastructure.Signals;
using PublisherPortal.Oidc;
using PublisherPortal.Sessions;

namespace PublisherPortal.Staff.Circuits;

/// <summary>
/// Keeps one staff circuit no older than the session and the role behind it. When the circuit
/// opens it notes the session id and role of its principal; it then closes the circuit's staff UI when the session
/// ends or the role changes: at once when this instance hears of it (<see cref="SignalChannels.SessionEnded"/>,
/// <see cref="SignalChannels.StaffRolesChanged"/>), and otherwise at the next check against the database every
/// <see cref="StaffOptions.RevalidationInterval"/>. Closing makes the circuit's user anonymous (so every authorized
/// view hides) and raises <see cref="Closed"/>, on which the staff layout leaves for a static page, ending the circuit.
/// </summary>
public sealed partial class StaffCircuitGuard(
    AuthenticationStateProvider authentication, SessionProbe sessions, StaffDirectory directory, IInstanceSignals signals,
    TimeProvider clock, IOptionsMonitor<StaffOptions> options, ILogger<StaffCircuitGuard> logger) : IDisposable
{
    private readonly List<IDisposable> _watches = [];
    private readonly SemaphoreSlim _checking = new(1, 1);
    private string? _sessionId;
    private string? _issuer;
    private string? _subject;
    private StaffRole? _role;
    private int _started;

    /// <summary>Why the staff UI was closed, once it has been.</summary>
    public StaffClosure? Closure { get; private set; }

    /// <summary>
    /// Raised when the UI is closed, on whatever thread noticed (handlers must marshal to their renderer); and again
    /// each time the browser's connection comes back after that (<see cref="AnnounceAgainIfClosed"/>).
    /// </summary>
    public event Action<StaffClosure>? Closed;

    /// <summary>When the last check against the database ran (for people and tests).</summary>
    public DateTimeOffset? LastCheckedAt { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            return;
        }

        var user = (await authentication.GetAuthenticationStateAsync()).User;
        _sessionId = SessionPrincipal.SessionId(user);
        _issuer = user.FindFirstValue(OidcClaimTypes.Issuer);
        _subject = user.FindFirstValue(OidcClaimTypes.Subject);
        _role = StaffClaims.RoleOf(user);
        if (_sessionId is null || _role is null)
        {
            // Nothing staff about this circuit (its pages render "not allowed"): nothing to keep alive either.
            return;
        }

        var signalKey = SessionEndedSignal.KeyOf(_sessionId);
        _watches.Add(signals.Subscribe(SignalChannels.SessionEnded, ended =>
        {
            if (string.Equals(ended, signalKey, StringComparison.Ordinal))
            {
                Close(StaffClosure.SessionEnded);
            }
        }));
        _watches.Add(signals.Subscribe(SignalChannels.StaffRolesChanged, changed => _ = CheckInBackgroundAsync()));
        var interval = options.CurrentValue.RevalidationInterval;
        _watches.Add(clock.CreateTimer(state => _ = CheckInBackgroundAsync(), null, interval, interval));
        try
        {
            await CheckAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The circuit went away while opening: nothing left to guard.
        }
    }

    /// <summary>Asks the database whether the session is live and the role unchanged; closes the UI when not.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        if (Closure is not null || _sessionId is null)
        {
            return;
        }

        await _checking.WaitAsync(cancellationToken);
        try
        {
            if (Closure is not null)
            {
                return;
            }

            LastCheckedAt = clock.GetUtcNow();
            if (!await sessions.IsLiveAsync(_sessionId, cancellationToken))
            {
                Close(StaffClosure.SessionEnded);
                return;
            }

            var role = await directory.CurrentRoleAsync(_issuer, _subject, cancellationToken);
            if (role is null)
            {
                Close(StaffClosure.RoleRevoked);
            }
            else if (role != _role)
            {
                Close(StaffClosure.RoleChanged);
            }
        }
        finally
        {
            _checking.Release();
        }
    }

    private async Task CheckInBackgroundAsync()
    {
        try
        {
            await CheckAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is not ObjectDisposedException)
        {
            // The database did not answer: keep the UI and try again at the next interval; actions are checked anyway.
            LogCheckFailed(e);
        }
        catch (ObjectDisposedException)
        {
            // The circuit ended while a check was pending.
        }
    }

    private void Close(StaffClosure closure)
    {
        lock (_watches)
        {
            if (Closure is not null)
            {
                return;
            }

            Closure = closure;
        }

        LogClosed(closure);
        StopWatching();
        // First the layout hears it (and leaves for the closed page), then every authorized view hides.
        Closed?.Invoke(closure);
        if (authentication is IHostEnvironmentAuthenticationStateProvider host)
        {
            host.SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
        }
    }

    /// <summary>
    /// The layout leaves a closed UI by telling the browser to load another page. That message is lost if the browser's
    /// connection was down at the moment (a network blip, a laptop waking): when the connection is back, the closure
    /// is announced again, so the page still leaves instead of staying open and empty.
    /// </summary>
    public void AnnounceAgainIfClosed()
    {
        if (Closure is { } closure)
        {
            Closed?.Invoke(closure);
        }
    }

    private void StopWatching()
    {
        IDisposable[] watches;
        lock (_watches)
        {
            watches = [.. _watches];
            _watches.Clear();
        }

        foreach (var watch in watches)
        {
            watch.Dispose();
        }
    }

    public void Dispose()
    {
        StopWatching();
        _checking.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed a staff circuit: {Closure}")]
    private partial void LogClosed(StaffClosure closure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A staff circuit could not be revalidated; retrying at the next interval")]
    private partial void LogCheckFailed(Exception exception);
}
