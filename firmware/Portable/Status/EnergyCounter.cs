using IotMinerAgent.Governor.Energy;

namespace IotMinerAgent.Firmware.Status
{
    /// <summary>
    /// The board's energy since start, the status's <c>energy_kwh</c>: the board table's draw at the duty of each
    /// round (idle + duty × (full load − idle), <see cref="BoardPower.DrawMilliwatts"/>) times the round's length,
    /// summed in microjoules (mW × ms = µJ), integers only: the board has no double FPU. The ESP32 row of the table is
    /// both cores busy at full load while the firmware hashes on one, so the figure is an upper bound.
    /// </summary>
    public sealed class EnergyCounter
    {
        /// <summary>Microjoules in one nano-kWh (10^-9 kWh = 3.6 × 10^6 J × 10^-9 = 3.6 mJ).</summary>
        public const long MicroJoulesPerNanoKwh = 3600;

        private readonly BoardPower? _power;
        private long _lastMs = -1;

        /// <summary>Counts with <paramref name="power"/>'s figures; null: the board's power is unknown and nothing is counted.</summary>
        public EnergyCounter(BoardPower? power)
        {
            _power = power;
        }

        /// <summary>
        /// Adds the time since the previous call to <paramref name="status"/>'s count, at <paramref name="dutyPercent"/>:
        /// the duty that time ran at (the previous round's). The first call only starts the count.
        /// </summary>
        public void Advance(long nowMs, int dutyPercent, MinerStatus status)
        {
            status.HasEnergy = _power != null;
            if (_power == null)
            {
                return;
            }

            if (_lastMs >= 0 && nowMs > _lastMs)
            {
                status.EnergyMicroJoules += (long)_power.DrawMilliwatts(dutyPercent * (BoardPower.FullLoadPpm / 100)) * (nowMs - _lastMs);
            }

            _lastMs = nowMs;
        }
    }
}
