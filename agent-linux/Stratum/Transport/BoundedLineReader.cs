using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace IotMinerAgent.Linux.Stratum.Transport;

/// <summary>
/// Splits a byte stream into newline-terminated UTF-8 lines without ever holding more than <see cref="MaxLineLength"/>
/// bytes: a longer line is skipped up to its newline and reported, so a broken or hostile peer cannot grow the buffer.
/// </summary>
public sealed class BoundedLineReader
{
    private const int InitialCapacity = 4096;

    private readonly Stream _stream;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _discarding;

    /// <summary>Reads lines of at most <paramref name="maxLineLength"/> bytes (newline included) from <paramref name="stream"/>.</summary>
    public BoundedLineReader(Stream stream, int maxLineLength)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineLength, 2);
        _stream = stream;
        MaxLineLength = maxLineLength;
        _buffer = new byte[Math.Min(InitialCapacity, maxLineLength)];
    }

    /// <summary>Longest line kept, newline included.</summary>
    public int MaxLineLength { get; }

    /// <summary>Lines skipped because they were longer than <see cref="MaxLineLength"/>.</summary>
    public long OversizedLines { get; private set; }

    /// <summary>Bytes the reader currently holds for buffering; never more than <see cref="MaxLineLength"/>.</summary>
    public int BufferCapacity => _buffer.Length;

    /// <summary>Called once per skipped oversized line, before reading on.</summary>
    public event Action<long>? OversizedLineSkipped;

    /// <summary>
    /// The next non-empty line without its line ending, or null when the stream ended (a partial last line is dropped:
    /// Stratum messages always end in a newline).
    /// </summary>
    public async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            int newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                string? line = TakeLine(newline);
                if (line is not null)
                {
                    return line;
                }

                continue;
            }

            MakeRoom();
            int read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return null;
            }

            _end += read;
        }
    }

    private string? TakeLine(int newline)
    {
        int start = _start;
        _start = newline + 1;
        if (_discarding)
        {
            _discarding = false;
            return null;
        }

        int length = newline - start;
        if (length > 0 && _buffer[start + length - 1] == (byte)'\r')
        {
            length--;
        }

        string line = Encoding.UTF8.GetString(_buffer, start, length);
        return string.IsNullOrWhiteSpace(line) ? null : line;
    }

    private void MakeRoom()
    {
        int pending = _end - _start;
        if (_discarding || pending >= MaxLineLength)
        {
            if (!_discarding)
            {
                _discarding = true;
                OversizedLines++;
                OversizedLineSkipped?.Invoke(OversizedLines);
            }

            _start = _end = 0;
            return;
        }

        if (_start > 0)
        {
            Array.Copy(_buffer, _start, _buffer, 0, pending);
            _start = 0;
            _end = pending;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, MaxLineLength));
        }
    }
}
