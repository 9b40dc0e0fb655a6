using System;
using System.IO;
using System.Linq;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Stratum;
using IotMinerAgent.Linux.Stratum.Transport;
using IotMinerAgent.StratumTestPool;

namespace IotMinerAgent.Linux.Tests.Stratum;

/// <summary>stratum+ssl:// against the test pool with a CA and server certificate made in the test.</summary>
public sealed class StratumTlsTests : IDisposable
{
    private readonly X509Certificate2 _authority = TestCertificates.CreateAuthority("IotMinerAgent test CA");
    private readonly X509Certificate2 _otherAuthority = TestCertificates.CreateAuthority("Someone else's CA");
    private readonly X509Certificate2 _server;
    private readonly string _caFile = Path.Combine(Path.GetTempPath(), $"iotminer-ca-{Guid.NewGuid():N}.pem");
    private readonly string _otherCaFile = Path.Combine(Path.GetTempPath(), $"iotminer-other-ca-{Guid.NewGuid():N}.pem");

    public StratumTlsTests()
    {
        _server = TestCertificates.CreateServer(_authority);
        File.WriteAllText(_caFile, TestCertificates.ToPem(_authority));
        File.WriteAllText(_otherCaFile, TestCertificates.ToPem(_otherAuthority));
    }

    [Fact]
    public async Task Mines_over_TLS_when_the_CA_file_issued_the_pool_certificate()
    {
        await using TestPool pool = TestPool.Start(new TestPoolOptions { Certificate = _server });
        await using ClientHarness harness = new ClientHarness(pool, o => o.Pools[0].TlsCaFile = _caFile).Start();

        await pool.WaitUntilAsync(() => pool.Accepted.Count >= 2, "2 shares over TLS");

        Assert.StartsWith("stratum+ssl://", pool.Url);
        Assert.Equal(0, pool.TlsFailures);
        harness.AssertNoProtocolErrors();
    }

    [Fact]
    public async Task Refuses_a_certificate_the_system_store_does_not_trust()
    {
        await using TestPool pool = TestPool.Start(new TestPoolOptions { Certificate = _server });

        AuthenticationException error = await Assert.ThrowsAsync<AuthenticationException>(() => ConnectAsync(pool, caFile: null, pin: null));

        Assert.Contains("not trusted by the system store", error.Message);
    }

    [Fact]
    public async Task Refuses_a_certificate_from_another_CA()
    {
        await using TestPool pool = TestPool.Start(new TestPoolOptions { Certificate = _server });

        AuthenticationException error = await Assert.ThrowsAsync<AuthenticationException>(() => ConnectAsync(pool, _otherCaFile, pin: null));

        Assert.Contains("not issued by a certificate of TlsCaFile", error.Message);
    }

    [Fact]
    public async Task Refuses_a_trusted_certificate_that_does_not_match_the_pin()
    {
        await using TestPool pool = TestPool.Start(new TestPoolOptions { Certificate = _server });
        string wrongPin = Convert.ToHexString(SHA256.HashData(_authority.RawData));

        AuthenticationException error = await Assert.ThrowsAsync<AuthenticationException>(() => ConnectAsync(pool, _caFile, wrongPin));

        Assert.Contains("does not match TlsPinSha256", error.Message);
    }

    [Fact]
    public async Task Accepts_a_pin_of_the_public_key_or_of_the_whole_certificate()
    {
        await using TestPool pool = TestPool.Start(new TestPoolOptions { Certificate = _server });
        string spkiPin = CertificatePin.SpkiSha256(_server);
        string certificatePin = Convert.ToHexString(SHA256.HashData(_server.RawData)).ToUpperInvariant();
        string withColons = string.Join(':', Convert.ToHexString(SHA256.HashData(_server.RawData)).Chunk(2).Select(c => new string(c)));

        string[] pins = [spkiPin, certificatePin, withColons];

        for (int i = 0; i < pins.Length; i++)
        {
            // Each pin must give a working Stratum session over TLS: the pool reads the subscribe and answers it.
            await using StratumLineTransport transport = await ConnectAsync(pool, _caFile, pins[i]);
            await transport.WriteLineAsync($$"""{"id":{{i + 1}},"method":"mining.subscribe","params":["iotminer-test"]}""", CancellationToken.None);
            string? answer = await transport.ReadLineAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(30));

            Assert.NotNull(answer);
            using JsonDocument reply = JsonDocument.Parse(answer);
            Assert.Equal(i + 1, reply.RootElement.GetProperty("id").GetInt32());
            Assert.Equal(JsonValueKind.Array, reply.RootElement.GetProperty("result").ValueKind);
            Assert.Equal(JsonValueKind.Null, reply.RootElement.GetProperty("error").ValueKind);
        }

        Assert.Equal(3, pool.ClientLines.Count(line => line.Contains("mining.subscribe", StringComparison.Ordinal)));
        Assert.Equal(0, pool.TlsFailures);
    }

    [Fact]
    public async Task The_client_never_mines_on_a_refused_certificate()
    {
        await using TestPool pool = TestPool.Start(new TestPoolOptions { Certificate = _server });
        await using ClientHarness harness = new ClientHarness(pool).Start(mine: false);

        // With TLS 1.3 the server may finish its handshake before the client refuses, so the proof is on the client side.
        await pool.WaitUntilAsync(() => pool.ConnectionsAccepted >= 2 && harness.Client.LastFailure is not null, "two refused handshakes");

        Assert.Contains("not trusted by the system store", harness.Client.LastFailure);
        Assert.Null(harness.Client.CurrentWork);
        Assert.Empty(pool.ClientLines);
    }

    public void Dispose()
    {
        File.Delete(_caFile);
        File.Delete(_otherCaFile);
        _server.Dispose();
        _authority.Dispose();
        _otherAuthority.Dispose();
    }

    private static Task<StratumLineTransport> ConnectAsync(TestPool pool, string? caFile, string? pin) =>
        StratumLineTransport.ConnectAsync(
            StratumEndpoint.Parse(pool.Url),
            ServerCertificatePolicy.FromSettings(caFile, pin),
            TimeSpan.FromSeconds(10),
            4096,
            null,
            CancellationToken.None);
}
