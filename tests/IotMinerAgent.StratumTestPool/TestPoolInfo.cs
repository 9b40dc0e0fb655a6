namespace IotMinerAgent.StratumTestPool;

/// <summary>Identifies the test pool in its greetings and logs.</summary>
public static class TestPoolInfo
{
    /// <summary>The pool software name sent to clients.</summary>
    public const string Name = "iotminer-test-pool";
}
