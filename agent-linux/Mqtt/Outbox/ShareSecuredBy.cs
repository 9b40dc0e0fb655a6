namespace IotMinerAgent.Linux.Mqtt.Outbox;

/// <summary>What made a share safe from a SIGKILL (<see cref="ShareOutbox.Secured"/>).</summary>
public enum ShareSecuredBy
{
    /// <summary>The broker acknowledged it (PUBACK) before its write was due: it never reached the disk.</summary>
    Broker,

    /// <summary>It was written to disk, still unacknowledged when its write was due (or at a clean stop).</summary>
    Disk,
}
