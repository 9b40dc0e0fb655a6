using IotMinerAgent.Governor.Energy;

namespace IotMinerAgent.Firmware.Status
{
    /// <summary>
    /// The board's energy since start, the status's <c>energy_kwh</c>: the board's draw at the duty of each round
    /// (idle + duty × (full load − idle), <see cref="BoardPower.DrawMilliwatts"/>; the figures the permit decider
    /// chooses) times the round's length, summed in microjoules (mW × ms = µJ), integers only: the board has no double
    /// FPU. From the board table it is an upper bound: a row's full load is both cores busy, the firmware hashes on one.
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
