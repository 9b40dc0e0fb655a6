using System;
using System.IO;
using System.Text.Json;
using IotMinerAgent.Linux.Agent;
using IotMinerAgent.Linux.Energy;
using IotMinerAgent.Linux.Stratum;

namespace IotMinerAgent.Linux.Tests.Agent;

public sealed class ConsentRecordTests : IDisposable
{
    readonly string _state = Directory.CreateTempSubdirectory("consent-record-").FullName;

    public void Dispose() => Directory.Delete(_state, recursive: true);

    [Fact]
    public void The_record_holds_the_sha256_of_what_was_shown_so_records_of_earlier_releases_still_match()
    {
        MiningPlan plan = Plan("stratum+tcp://pool.example.org:3333", "bc1qexample.pi4");

        ConsentRecord.Write(_state, plan, DateTimeOffset.UnixEpoch);

        using JsonDocument record = JsonDocument.Parse(File.ReadAllText(Path.Combine(_state, ConsentRecord.FileName)));
        // SHA-256 of "sha256d\nstratum+tcp://pool.example.org:3333 bc1qexample.pi4" (algorithm, then "url user" per
        // pool), computed with Python's hashlib.
        Assert.Equal("b2694f22f8f0164d78c2cb079cb9b6224698f7fab27c754ab1d1d177256383fc", record.RootElement.GetProperty("fingerprint").GetString());
        Assert.True(ConsentRecord.Matches(_state, plan));
    }

    [Fact]
    public void Another_payout_user_does_not_match_the_record()
    {
        ConsentRecord.Write(_state, Plan("stratum+tcp://pool.example.org:3333", "bc1qexample.pi4"), DateTimeOffset.UnixEpoch);

        Assert.False(ConsentRecord.Matches(_state, Plan("stratum+tcp://pool.example.org:3333", "bc1qsomeoneelse.pi4")));
    }

    static MiningPlan Plan(string url, string user) =>
        new("sha256d", 1, "scalar", [new StratumPoolOptions { Url = url, User = user }], PowerModel.Resolve(new EnergyOptions(), null));
}
