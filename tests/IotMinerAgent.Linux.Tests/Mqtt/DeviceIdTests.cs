using System;
using System.IO;
using IotMinerAgent.Linux.Mqtt;
using IotMinerAgent.Linux.Mqtt.Messages;

namespace IotMinerAgent.Linux.Tests.Mqtt;

public sealed class DeviceIdTests
{
    static readonly Func<byte[][]> s_noMacs = () => [];

    [Fact]
    public void Configured_id_wins_and_is_validated()
    {
        Assert.Equal("garage_pi-2", DeviceId.Resolve("garage_pi-2", "/nonexistent", s_noMacs));
        Assert.Throws<ArgumentException>(() => DeviceId.Resolve("garage/pi", "/nonexistent", s_noMacs));
        Assert.Throws<ArgumentException>(() => DeviceId.Resolve(new string('a', DeviceId.MaxLength + 1), "/nonexistent", s_noMacs));
    }

    [Fact]
    public void Machine_id_gives_a_stable_short_hash_that_does_not_reveal_it()
    {
        string file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "4f1c2a7e9b3d4c5e8f60718293a4b5c6\n");

            string id = DeviceId.Resolve(null, file, s_noMacs);

            // HMAC-SHA256(key: the machine id, message: "iotminer-mqtt-device-id"), first 12 hex digits, computed with
            // Python's hmac module: the id every release derives, so a device keeps its topics and Home Assistant
            // entities across upgrades.
            Assert.Equal("278b792cdc2f", id);
            Assert.Equal(id, DeviceId.Resolve("", file, s_noMacs));
            Assert.Equal(DeviceId.DerivedLength, id.Length);
            Assert.True(DeviceId.IsValid(id));
            Assert.DoesNotContain(id, "4f1c2a7e9b3d4c5e8f60718293a4b5c6");
            File.WriteAllText(file, "0000000000000000000000000000000a\n");
            Assert.NotEqual(id, DeviceId.Resolve(null, file, s_noMacs));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Without_machine_id_the_first_real_mac_is_used()
    {
        byte[] zero = new byte[6];
        byte[] mac = [0xB8, 0x27, 0xEB, 0x12, 0x34, 0x56];

        string id = DeviceId.Resolve(null, "/nonexistent", () => [zero, mac]);

        // HMAC-SHA256(key: the six MAC bytes, message: "iotminer-mqtt-device-id"), first 12 hex digits (Python's hmac).
        Assert.Equal("e2a1d001ed02", id);
        Assert.Equal(id, DeviceId.Resolve(null, "/nonexistent", () => [mac]));
        Assert.Equal(DeviceId.DerivedLength, id.Length);
    }

    [Fact]
    public void Without_any_source_the_error_says_to_configure_it()
    {
        var error = Assert.Throws<ArgumentException>(() => DeviceId.Resolve(null, "/nonexistent", s_noMacs));

        Assert.Contains("set mqtt:deviceId", error.Message);
    }
}
