using System;
using IotMinerAgent.Governor.Tests.Fakes;
using IotMinerAgent.Linux.Hardware;

namespace IotMinerAgent.Governor.Tests.Hardware;

public sealed class TemperatureSensorFactoryTests : IDisposable
{
    private readonly TemporaryTree _sys = new();
    private readonly ScriptedCommandRunner _runner = new();

    public void Dispose() => _sys.Dispose();

    private TemperatureSensorFactory Factory() => new(_sys.Root, _runner);

    private void Zone(int number, string type, string temp)
    {
        _sys.Write($"class/thermal/thermal_zone{number}/type", type + "\n");
        _sys.Write($"class/thermal/thermal_zone{number}/temp", temp + "\n");
    }

    private void Hwmon(int number, string name, string temp)
    {
        _sys.Write($"class/hwmon/hwmon{number}/name", name + "\n");
        _sys.Write($"class/hwmon/hwmon{number}/temp1_input", temp + "\n");
    }

    private static int Read(ITemperatureSensor? sensor)
    {
        Assert.NotNull(sensor);
        Assert.True(sensor.TryReadMilliCelsius(out int milliC));
        return milliC;
    }

    [Fact]
    public void A_raspberry_pi_reads_its_cpu_thermal_zone()
    {
        Zone(0, "cpu-thermal", "48686");

        ITemperatureSensor? sensor = Factory().Create(null);

        Assert.Equal(48686, Read(sensor));
        Assert.Equal("thermal_zone0 (cpu-thermal)", sensor!.Description);
    }

    [Fact]
    public void A_pc_skips_the_acpi_zone_for_the_intel_package_zone()
    {
        Zone(0, "acpitz", "27800");
        Zone(1, "INT3400 Thermal", "20000");
        Zone(2, "x86_pkg_temp", "55000");

        Assert.Equal(55000, Read(Factory().Create(null)));
    }

    [Fact]
    public void Zone_types_are_tried_in_preference_order_then_by_number()
    {
        Zone(0, "soc_thermal", "40000");
        Zone(10, "cpu-thermal", "51000");
        Zone(2, "cpu-thermal", "52000");

        Assert.Equal(52000, Read(Factory().Create(null)));
    }

    [Fact]
    public void An_unreadable_cpu_zone_falls_back_to_hwmon()
    {
        Zone(0, "cpu-thermal", "not a number");
        Hwmon(0, "nvme", "35000");
        Hwmon(1, "k10temp", "61250");

        ITemperatureSensor? sensor = Factory().Create(null);

        Assert.Equal(61250, Read(sensor));
        Assert.IsType<HwmonSensor>(sensor);
        Assert.Equal("hwmon1/temp1_input (k10temp)", sensor.Description);
    }

    [Fact]
    public void A_pi_without_thermal_sysfs_asks_vcgencmd()
    {
        _runner.On("vcgencmd measure_temp", "temp=47.2'C\n");

        ITemperatureSensor? sensor = Factory().Create(null);

        Assert.IsType<VcgencmdSensor>(sensor);
        Assert.Equal(47200, Read(sensor));
    }

    [Fact]
    public void A_board_with_no_sensor_gets_none()
    {
        Zone(0, "iwlwifi_1", "40000");
        Hwmon(0, "nvme", "35000");

        Assert.Null(Factory().Create(null));
        Assert.Contains("vcgencmd measure_temp", _runner.Calls);
    }

    [Fact]
    public void A_pinned_file_wins_over_discovery()
    {
        Zone(0, "cpu-thermal", "48686");
        string pinned = _sys.Write("devices/virtual/thermal/thermal_zone7/temp", "66000");

        Assert.Equal(66000, Read(Factory().Create(pinned)));
    }

    [Fact]
    public void A_pinned_zone_directory_or_hwmon_input_or_vcgencmd_is_used_as_given()
    {
        Zone(3, "gpu-thermal", "45000");
        Hwmon(4, "drivetemp", "38000");
        _runner.On("vcgencmd measure_temp", "temp=50.1'C");

        Assert.Equal("thermal_zone3 (gpu-thermal)", Factory().Create(_sys.PathOf("class/thermal/thermal_zone3"))!.Description);
        Assert.Equal("hwmon4/temp1_input (drivetemp)", Factory().Create(_sys.PathOf("class/hwmon/hwmon4/temp1_input"))!.Description);
        Assert.Equal(50100, Read(Factory().Create("vcgencmd")));
    }

    [Fact]
    public void An_unreadable_pinned_sensor_is_a_configuration_error_naming_the_key()
    {
        Zone(0, "cpu-thermal", "48686");
        string missing = _sys.PathOf("no/such/temp");

        var error = Assert.Throws<ArgumentException>(() => Factory().Create(missing));

        Assert.Contains($"governor:temperatureSensor = '{missing}' cannot be read", error.Message);
        Assert.Contains("remove the key to discover the sensor", error.Message);
    }

    [Theory]
    [InlineData("temp=48.3'C", 48300)]
    [InlineData("temp=-5.0'C\n", -5000)]
    [InlineData("temp=100'C", 100000)]
    public void Vcgencmd_output_is_parsed_to_milli_celsius(string output, int expected)
    {
        Assert.True(VcgencmdSensor.TryParse(output, out int milliC));
        Assert.Equal(expected, milliC);
    }

    [Theory]
    [InlineData("")]
    [InlineData("error=1 error_msg=\"Command not registered\"")]
    [InlineData("temp=abc'C")]
    [InlineData("temp=48.3")]
    public void Vcgencmd_errors_are_not_readings(string output)
    {
        Assert.False(VcgencmdSensor.TryParse(output, out _));
    }
}
