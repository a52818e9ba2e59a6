using Microsoft.AspNetCore.Components.Server.Circuits;

namespace PublisherPortal.Staff.Circuits;

/// <summary>Starts the circuit's <see cref="StaffCircuitGuard"/> when a circuit opens (one of each per circuit).</summary>
public sealed class StaffCircuitHandler(StaffCircuitGuard guard) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken) => guard.StartAsync(cancellationToken);
}
