namespace IotMinerAgent.Governor
{
    /// <summary>
    /// What to do when no plausible temperature can be read. Never "assume it is cool": a missing sensor often
    /// reads 0, and 0 °C would otherwise look like the best possible news.
    /// </summary>
    public enum NoSensorAction
    {
        /// <summary>Do not mine until a reading is back.</summary>
        Pause = 0,

        /// <summary>Mine at <see cref="GovernorPolicy.NoSensorDutyPercent"/>, a conservative fixed load.</summary>
        FixedDuty = 1,
    }
}
