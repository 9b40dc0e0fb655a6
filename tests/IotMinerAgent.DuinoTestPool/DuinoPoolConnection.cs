using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

namespace IotMinerAgent.DuinoTestPool;

/// <summary>One client connection: reads newline-terminated lines and answers each as an official Duino pool does.</summary>
internal sealed class DuinoPoolConnection
{
    private const int MaxLine = 1024;

    private readonly DuinoPool _pool;
    private readonly TcpClient _client;
    private DuinoPoolJob? _job;
    private int _answeredResults;

    public DuinoPoolConnection(DuinoPool pool, int id, TcpClient client)
    {
        _pool = pool;
        Id = id;
        _client = client;
    }

    public int Id { get; }

    public void Close() => _client.Close();

    public async Task RunAsync()
    {
        try
        {
            NetworkStream stream = _client.GetStream();
            await SendAsync(stream, _pool.Options.VersionLine).ConfigureAwait(false);
            using StreamReader reader = new(stream, new UTF8Encoding(false), false, MaxLine);
            while (!_pool.Stopping.IsCancellationRequested)
            {
                string? line = await reader.ReadLineAsync(_pool.Stopping).ConfigureAwait(false);
                if (line is null)
                {
                    return;
                }

                _pool.Record(Id, line);
                if (!await AnswerAsync(stream, line).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
        catch (Exception error) when (error is IOException or ObjectDisposedException or SocketException or OperationCanceledException or InvalidOperationException)
        {
            // The client or the test closed the connection.
        }
        finally
        {
            _client.Close();
            _pool.Closed(this);
        }
    }

    /// <summary>Answers one line; false when the pool closes the connection afterwards.</summary>
    private async Task<bool> AnswerAsync(NetworkStream stream, string line)
    {
        if (line.Length > MaxLine)
        {
            _pool.ProtocolError(Id, $"line of {line.Length} characters");
            return false;
        }

        if (_pool.Options.AnswerDelay > TimeSpan.Zero)
        {
            await Task.Delay(_pool.Options.AnswerDelay, _pool.Stopping).ConfigureAwait(false);
        }

        if (line == "PING")
        {
            await SendAsync(stream, "Pong!").ConfigureAwait(false);
            return true;
        }

        if (line == "MOTD")
        {
            await SendAsync(stream, _pool.Options.Motd).ConfigureAwait(false);
            return true;
        }

        string[] fields = line.Split(',');
        if (fields[0] == "JOB")
        {
            await SendAsync(stream, Job(fields)).ConfigureAwait(false);
            return true;
        }

        if (fields.Length == 6 && fields[0].Length > 0 && fields[0].All(char.IsAsciiDigit))
        {
            await SendAsync(stream, Result(fields)).ConfigureAwait(false);
            _answeredResults++;
            return _pool.Options.DropAfterResults <= 0 || _answeredResults < _pool.Options.DropAfterResults;
        }

        _pool.ProtocolError(Id, $"not PING, MOTD, JOB or a 6-field result: {line}");
        await SendAsync(stream, "BAD,Invalid data").ConfigureAwait(false);
        return true;
    }

    private string Job(string[] fields)
    {
        // JOB,<user>,<tier>,<mining_key>[,<iot data>]
        if (fields.Length is < 4 or > 5 || fields[1].Length == 0)
        {
            _pool.ProtocolError(Id, $"JOB with {fields.Length} fields or no user: {string.Join(",", fields)}");
            return "BAD,Invalid data";
        }

        if (fields.Length == 5 && (fields[4].Length > 48 || !fields[4].All(IsIotCharacter)))
        {
            _pool.ProtocolError(Id, $"IoT field of {fields[4].Length} characters or with a character the pool does not allow: {fields[4]}");
        }

        if (_pool.Options.BanReason is { } ban)
        {
            return "BAD," + ban;
        }

        if (!DuinoPool.TierDifficulties.TryGetValue(fields[2], out uint difficulty))
        {
            _pool.ProtocolError(Id, $"unknown tier '{fields[2]}'");
            difficulty = DuinoPool.TierDifficulties["NET"];
        }

        _job = DuinoPoolJob.Create(fields[1], fields[2], _pool.Options.Difficulty ?? difficulty);
        if (_pool.TakeOne(o => o.MalformedJobs, (o, v) => o.MalformedJobs = v))
        {
            _job = null;
            return "not-a-hash," + _pool.Options.Difficulty;
        }

        return _job.Line;
    }

    private string Result(string[] fields)
    {
        // <nonce>,<hashrate>,<miner name ver>,<rig id>,DUCOID<chip id> or empty,<wallet id>
        DuinoPoolJob? job = _job;
        _job = null;
        if (job is null)
        {
            _pool.ProtocolError(Id, "a result without a job");
            return "BAD,Invalid data";
        }

        double seconds = Math.Max((DateTime.UtcNow - job.Issued).TotalSeconds, 1e-6);
        bool correct = job.Solves(fields[0]);
        CheckFields(fields);
        string answer = Answer(job, correct);
        _pool.RecordResult(new DuinoResultRecord(
            Id, job.User, job.Tier, job.LastHash, job.Difficulty, fields[0], correct, fields[1],
            correct ? job.SecretNonce / seconds : 0, fields[2], fields[3], fields[4], fields[5], answer));
        return answer;
    }

    private string Answer(DuinoPoolJob job, bool correct)
    {
        if (_pool.Options.BanReason is { } ban)
        {
            return "BAD," + ban;
        }

        if (_pool.Options.RequiredTier is { } required && required != job.Tier)
        {
            return Array.IndexOf(DuinoPool.TierOrder, job.Tier) < Array.IndexOf(DuinoPool.TierOrder, required)
                ? "BAD,Too low starting difficulty"
                : "BAD,Too high starting difficulty";
        }

        if (!correct || _pool.TakeOne(o => o.WrongResultAnswers, (o, v) => o.WrongResultAnswers = v))
        {
            return "BAD,Incorrect result";
        }

        return _pool.TakeOne(o => o.BlockAnswers, (o, v) => o.BlockAnswers = v) ? "BLOCK" : "GOOD";
    }

    private void CheckFields(string[] fields)
    {
        if (!double.TryParse(fields[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
        {
            _pool.ProtocolError(Id, $"hash rate '{fields[1]}' is not a decimal number");
        }

        if (fields[2].Length == 0 || fields[3].Length == 0)
        {
            _pool.ProtocolError(Id, "miner name or rig id empty");
        }

        if (fields[4].Length > 0 && !fields[4].StartsWith("DUCOID", StringComparison.Ordinal))
        {
            _pool.ProtocolError(Id, $"chip field '{fields[4]}' is neither empty nor DUCOID<chip id>");
        }

        if (!uint.TryParse(fields[5], NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            _pool.ProtocolError(Id, $"wallet id '{fields[5]}' is not a decimal number");
        }
    }

    private static bool IsIotCharacter(char c) => char.IsAsciiLetterOrDigit(c) || " :.*%@-".Contains(c);

    private static async Task SendAsync(NetworkStream stream, string line)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(line + "\n");
        await stream.WriteAsync(bytes).ConfigureAwait(false);
    }
}
