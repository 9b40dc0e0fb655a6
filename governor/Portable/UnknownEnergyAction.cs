namespace IotMinerAgent.Governor
{
    /// <summary>What to do while an input the energy mode needs is unknown (key <c>energy:unknownAction</c>).</summary>
    public enum UnknownEnergyAction
    {
        /// <summary>Do not mine until the input is known again (the default: never spend energy blind).</summary>
        Pause = 0,

        /// <summary>Mine as if energy did not limit.</summary>
        Mine = 1,
    }
}
