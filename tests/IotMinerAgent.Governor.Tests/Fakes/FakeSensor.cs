using IotMinerAgent.Linux.Hardware;

namespace IotMinerAgent.Governor.Tests.Fakes;

internal sealed class FakeSensor(int? milliC) : ITemperatureSensor
{
    public int? MilliC { get; set; } = milliC;

    public string Description => "fake sensor";

    public bool TryReadMilliCelsius(out int milliCelsius)
    {
        milliCelsius = MilliC ?? 0;
        return MilliC.HasValue;
    }
}

internal sealed class FakeIdleSource(IdleReading? reading) : IIdleSource
{
    public IdleReading? Reading { get; set; } = reading;

    public string Description => "fake idle source";

    public bool TryRead(out IdleReading reading)
    {
        reading = Reading ?? IdleReading.Busy;
        return Reading.HasValue;
    }
}
