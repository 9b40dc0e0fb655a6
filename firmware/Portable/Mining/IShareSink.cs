namespace IotMinerAgent.Firmware.Mining
{
    /// <summary>Takes the shares the mining loop finds (the controller puts them in the outbox).</summary>
    public interface IShareSink
    {
        /// <summary>A share was found.</summary>
        void Found(FoundShare share);
    }
}
