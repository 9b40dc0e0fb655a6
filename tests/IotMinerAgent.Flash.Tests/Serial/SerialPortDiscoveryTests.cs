using System.IO;
using System.Linq;
using IotMinerAgent.Flash.Cli;
using IotMinerAgent.Flash.Errors;
using IotMinerAgent.Flash.Serial;
using IotMinerAgent.Flash.Tests.Support;

namespace IotMinerAgent.Flash.Tests.Serial;

public class SerialPortDiscoveryTests
{
    [Fact]
    public void No_port_is_an_error_saying_what_to_do()
    {
        using TempDirectory dev = new();
        File.WriteAllText(dev.Combine("ttyS0"), string.Empty);

        StepFailedException e = Assert.Throws<StepFailedException>(() => new SerialPortDiscovery(dev.Path).Choose(null));

        Assert.Equal("no serial port found: plug the board in (USB), check `dmesg`, or pass --port", e.Message);
    }

    [Fact]
    public void The_only_port_is_chosen()
    {
        using TempDirectory dev = new();
        File.WriteAllText(dev.Combine("ttyACM0"), string.Empty);

        Assert.Equal(dev.Combine("ttyACM0"), new SerialPortDiscovery(dev.Path).Choose(null));
    }

    [Fact]
    public void Several_ports_are_listed_in_the_error()
    {
        using TempDirectory dev = new();
        File.WriteAllText(dev.Combine("ttyUSB1"), string.Empty);
        File.WriteAllText(dev.Combine("ttyACM0"), string.Empty);

        StepFailedException e = Assert.Throws<StepFailedException>(() => new SerialPortDiscovery(dev.Path).Choose(null));

        Assert.Equal($"several serial ports found, pass the board's with --port: {dev.Combine("ttyACM0")}, {dev.Combine("ttyUSB1")}", e.Message);
    }

    [Fact]
    public void A_by_id_link_and_its_node_are_one_port_described_by_the_link_name()
    {
        using TempDirectory dev = new();
        File.WriteAllText(dev.Combine("ttyUSB0"), string.Empty);
        Directory.CreateDirectory(dev.Combine("serial", "by-id"));
        const string name = "usb-Silicon_Labs_CP2102_USB_to_UART_Bridge_Controller_0001-if00-port0";
        File.CreateSymbolicLink(dev.Combine("serial", "by-id", name), "../../ttyUSB0");

        SerialPortDiscovery discovery = new(dev.Path + "/");

        Assert.Equal(new SerialPortCandidate(dev.Combine("ttyUSB0"), name), Assert.Single(discovery.List()));
        Assert.Equal(dev.Combine("ttyUSB0"), discovery.Choose(null));
    }

    [Fact]
    public void A_given_port_must_exist()
    {
        using TempDirectory dev = new();
        File.WriteAllText(dev.Combine("ttyUSB0"), string.Empty);
        SerialPortDiscovery discovery = new(dev.Path);

        Assert.StartsWith("--port /x/given: no such device; plug the board in", Assert.Throws<StepFailedException>(() => discovery.Choose("/x/given")).Message);
        Assert.Equal(dev.Combine("ttyUSB0"), discovery.Choose(dev.Combine("ttyUSB0")));
    }

    [Fact]
    public void The_ports_verb_lists_ports_or_fails_when_there_are_none()
    {
        using FlashBench bench = new();
        File.WriteAllText(Path.Combine(bench.Dev, "ttyACM0"), string.Empty);

        ToolRun listed = bench.Run("ports");
        Assert.Equal(ExitCodes.Ok, listed.ExitCode);
        Assert.Equal(new[] { Path.Combine(bench.Dev, "ttyACM0"), bench.Port }, listed.Out.Split('\n', System.StringSplitOptions.RemoveEmptyEntries));

        File.Delete(bench.Port);
        File.Delete(Path.Combine(bench.Dev, "ttyACM0"));
        ToolRun none = bench.Run("ports");
        Assert.Equal(ExitCodes.StepFailed, none.ExitCode);
        Assert.Contains("no serial port found", none.Error);
    }
}
