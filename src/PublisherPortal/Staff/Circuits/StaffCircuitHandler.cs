using Microsoft.AspNetCore.Components.Server.Circuits;

namespace PublisherPortal.Staff.Circuits;

/// <summary>
/// Starts the circuit's <see cref="StaffCircuitGuard"/> when a circuit opens (one of each per circuit), and has it
/// announce a closure again when the browser reconnects to a circuit closed while it was away.
/// </summary>
public sealed class StaffCircuitHandler(StaffCircuitGuard guard) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken) => guard.StartAsync(cancellationToken);

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        guard.AnnounceAgainIfClosed();
        return Task.CompletedTask;
    }
}
