using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using IotMinerAgent.Firmware.Hardware;
using IotMinerAgent.VirtualEsp32;

namespace IotMinerAgent.Firmware.Tests;

/// <summary>The TCP line link: framing shared by the device and the virtual device, and the virtual link over its Wi-Fi.</summary>
public sealed class TcpLineLinkTests
{
    static string[] Frame(byte[] bytes, TcpLine framer)
    {
        var lines = new System.Collections.Generic.List<string>();
        foreach (byte b in bytes)
        {
            if (framer.Add(b, out string line))
            {
                lines.Add(line);
            }
        }

        return [.. lines];
    }

    [Fact]
    public void Lines_end_at_newline_with_an_optional_carriage_return_and_decode_as_utf8()
    {
        // "4.3\n", "GOOD\r\n", "BAD,Zu früh\n" with ü as C3 BC (RFC 3629), then a partial line that is not yet a line.
        byte[] bytes = [0x34, 0x2E, 0x33, 0x0A, 0x47, 0x4F, 0x4F, 0x44, 0x0D, 0x0A, 0x42, 0x41, 0x44, 0x2C, 0x5A, 0x75, 0x20, 0x66, 0x72, 0xC3, 0xBC, 0x68, 0x0A, 0x50];

        Assert.Equal(["4.3", "GOOD", "BAD,Zu früh"], Frame(bytes, new TcpLine()));
    }

    [Fact]
    public void A_line_longer_than_the_limit_overflows_instead_of_growing()
    {
        TcpLine framer = new();
        byte[] endless = new byte[TcpLine.LongestLineBytes + 1];
        Array.Fill(endless, (byte)'a');

        Assert.Empty(Frame(endless, framer));
        Assert.True(framer.Overflowed);
        framer.Reset();
        Assert.Equal(["ok"], Frame("ok\n"u8.ToArray(), framer));
    }

    [Fact]
    public void A_line_is_sent_with_exactly_one_newline()
    {
        Assert.Equal("PING\n"u8.ToArray(), TcpLine.Encode("PING"));
        Assert.Equal("JOB,alice,ESP32,None\n"u8.ToArray(), TcpLine.Encode("JOB,alice,ESP32,None\n"));
    }

    [Fact]
    public async Task The_virtual_link_talks_lines_times_out_and_dies_with_the_wifi()
    {
        using TcpListener listener = new(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        VirtualWifi wifi = new();
        using WifiLineLink link = new(wifi);

        Assert.True(link.Connect("127.0.0.1", port, 5000));
        using TcpClient peer = await listener.AcceptTcpClientAsync();
        using StreamReader reader = new(peer.GetStream(), Encoding.UTF8);
        await peer.GetStream().WriteAsync("4.3\n"u8.ToArray());

        Assert.True(link.TryReadLine(5000, out string greeting));
        Assert.Equal("4.3", greeting);
        Assert.True(link.SendLine("PING"));
        Assert.Equal("PING", await reader.ReadLineAsync());
        Assert.False(link.TryReadLine(100, out _));
        Assert.True(link.IsConnected);

        wifi.Drop();

        Assert.False(link.IsConnected);
        Assert.False(link.SendLine("PING"));
        Assert.False(link.Connect("127.0.0.1", port, 1000));
        // The pool sees the connection go (reset, as after a vanished radio).
        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            if (await reader.ReadLineAsync() is null)
            {
                throw new EndOfStreamException();
            }
        });
    }
}
