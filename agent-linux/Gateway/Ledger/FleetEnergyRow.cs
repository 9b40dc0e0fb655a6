using IotMinerAgent.Linux.Energy;

namespace IotMinerAgent.Linux.Gateway.Ledger;

/// <summary>
/// One gateway's energy row for one device and local day: the agent's ledger shape (<see cref="EnergyDay"/>) plus the
/// gateway instance that counted it and the device's cumulative counter (status <c>energy_kwh</c>) last taken, so a
/// restarted gateway goes on counting from it instead of starting again.
/// </summary>
/// <param name="Instance">The gateway instance (<c>gateway:instance</c>) that counted the row.</param>
/// <param name="Day">The figures, in the agent's ledger shape.</param>
/// <param name="CounterKwh">The device's cumulative kWh counter last taken into the row; null before the first reading.</param>
public sealed record FleetEnergyRow(byte Instance, EnergyDay Day, double? CounterKwh);
