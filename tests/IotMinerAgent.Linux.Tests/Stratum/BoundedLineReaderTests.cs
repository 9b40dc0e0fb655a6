using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Stratum.Transport;

namespace IotMinerAgent.Linux.Tests.Stratum;

public class BoundedLineReaderTests
{
    [Fact]
    public async Task Reassembles_lines_delivered_one_byte_at_a_time_and_strips_CR_LF()
    {
        var reader = new BoundedLineReader(new TrickleStream("{\"a\":1}\r\n\n  \n{\"b\":\"é\"}\n"u8.ToArray()), 1024);

        Assert.Equal("{\"a\":1}", await reader.ReadLineAsync(CancellationToken.None));
        Assert.Equal("{\"b\":\"é\"}", await reader.ReadLineAsync(CancellationToken.None));
        Assert.Null(await reader.ReadLineAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_partial_last_line_is_dropped_at_end_of_stream()
    {
        var reader = new BoundedLineReader(new MemoryStream("{\"a\":1}\n{\"b\""u8.ToArray()), 1024);

        Assert.Equal("{\"a\":1}", await reader.ReadLineAsync(CancellationToken.None));
        Assert.Null(await reader.ReadLineAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_limit_counts_the_newline()
    {
        string fits = new('a', 1023);
        string tooLong = new('b', 1024);
        var reader = new BoundedLineReader(new MemoryStream(Encoding.ASCII.GetBytes(fits + "\n" + tooLong + "\nok\n")), 1024);

        Assert.Equal(fits, await reader.ReadLineAsync(CancellationToken.None));
        Assert.Equal("ok", await reader.ReadLineAsync(CancellationToken.None));
        Assert.Equal(1, reader.OversizedLines);
    }

    [Fact]
    public async Task An_oversized_line_is_skipped_reported_and_never_buffered()
    {
        byte[] flood = Enumerable.Repeat((byte)'x', 4 * 1024 * 1024).ToArray();
        byte[] input = [.. "{\"first\":1}\n"u8, .. flood, .. "\n{\"after\":2}\n"u8, .. flood, .. "\n{\"last\":3}\n"u8];
        var reader = new BoundedLineReader(new MemoryStream(input), 64 * 1024);
        long reported = 0;
        reader.OversizedLineSkipped += count => reported = count;

        Assert.Equal("{\"first\":1}", await reader.ReadLineAsync(CancellationToken.None));
        long before = GC.GetAllocatedBytesForCurrentThread();
        string? after = await reader.ReadLineAsync(CancellationToken.None);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal("{\"after\":2}", after);
        Assert.Equal("{\"last\":3}", await reader.ReadLineAsync(CancellationToken.None));
        Assert.Equal(2, reader.OversizedLines);
        Assert.Equal(2, reported);
        Assert.True(reader.BufferCapacity <= 64 * 1024, $"buffer grew to {reader.BufferCapacity}");
        Assert.True(allocated < 256 * 1024, $"skipping 4 MiB allocated {allocated} bytes");
    }

    [Fact]
    public void Refuses_a_limit_below_two_bytes()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BoundedLineReader(new MemoryStream(), 1));
    }

    private sealed class TrickleStream(byte[] data) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(1, buffer.Length)], cancellationToken);
    }
}
