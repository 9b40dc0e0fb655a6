namespace IotMinerAgent.Governor
{
    /// <summary>When energy allows mining (key <c>energy:mode</c>); combined with temperature, idle and schedule, the strictest wins.</summary>
    public enum EnergyMode
    {
        /// <summary>Energy never limits mining (the default).</summary>
        Always = 0,

        /// <summary>Mine while expected earnings per hour cover the energy cost per hour plus the margin.</summary>
        Profitable = 1,

        /// <summary>Mine on exported (solar) power only; the duty follows the surplus.</summary>
        Surplus = 2,

        /// <summary>Mine within a daily (and optionally monthly) energy budget, spread over the day.</summary>
        Budget = 3,
    }
}
