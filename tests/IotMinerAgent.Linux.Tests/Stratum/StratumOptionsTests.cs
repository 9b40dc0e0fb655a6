using System;
using System.Collections.Generic;
using IotMinerAgent.Linux.Stratum;
using IotMinerAgent.Linux.Stratum.Transport;

namespace IotMinerAgent.Linux.Tests.Stratum;

public class StratumOptionsTests
{
    [Theory]
    [InlineData("stratum+tcp://pool.example.org:3333", "pool.example.org", 3333, false)]
    [InlineData("stratum+ssl://pool.example.org:443", "pool.example.org", 443, true)]
    [InlineData("STRATUM+TCPS://10.0.0.2:3334/", "10.0.0.2", 3334, true)]
    [InlineData("stratum+tcp://[::1]:3333", "::1", 3333, false)]
    public void Parses_pool_urls(string url, string host, int port, bool tls)
    {
        Assert.Equal(new StratumEndpoint(host, port, tls), StratumEndpoint.Parse(url));
    }

    [Theory]
    [InlineData("http://pool.example.org:3333", "must start with")]
    [InlineData("pool.example.org:3333", "must start with")]
    [InlineData("stratum+tcp://pool.example.org", "needs a host and a port")]
    [InlineData("stratum+tcp://pool.example.org:0", "needs a host and a port")]
    [InlineData("stratum+tcp://pool.example.org:70000", "needs a host and a port")]
    [InlineData("stratum+tcp://:3333", "needs a host and a port")]
    [InlineData("stratum+tcp://user@pool:3333", "needs a host and a port")]
    [InlineData("", "is empty")]
    public void Refuses_bad_urls_saying_what_to_write(string url, string hint)
    {
        FormatException error = Assert.Throws<FormatException>(() => StratumEndpoint.Parse(url));
        Assert.Contains(hint, error.Message);
    }

    [Fact]
    public void Defaults_with_one_pool_are_valid()
    {
        Assert.Empty(Valid().Validate());
    }

    [Fact]
    public void Every_problem_is_named_with_its_key()
    {
        StratumClientOptions options = Valid();
        options.Pools.Add(new StratumPoolOptions { Url = "http://x:1", User = "", TlsCaFile = "/nonexistent/ca.pem", TlsPinSha256 = "abc" });
        options.ConnectTimeout = TimeSpan.Zero;
        options.MaxLineLength = 10;
        options.VersionRollingMask = "xyz";
        options.BackoffMax = TimeSpan.FromMilliseconds(1);
        options.SuggestDifficulty = -1;
        options.Algorithm = "sha512";

        IReadOnlyList<string> problems = options.Validate();

        foreach (string key in new[]
        {
            "stratum:pools:1:url", "stratum:pools:1:user", "stratum:pools:1:tlsCaFile", "stratum:pools:1:tlsPinSha256",
            "stratum:connectTimeout", "stratum:maxLineLength", "stratum:versionRollingMask", "stratum:backoffMax",
            "stratum:suggestDifficulty", "stratum:algorithm",
        })
        {
            Assert.Contains(problems, p => p.StartsWith(key, StringComparison.Ordinal));
        }

        Assert.Equal(10, problems.Count);
        ArgumentException error = Assert.Throws<ArgumentException>(() => new StratumClient(options));
        Assert.Contains("stratum:pools:1:user", error.Message);
    }

    [Fact]
    public void No_pool_is_an_error()
    {
        Assert.Contains(new StratumClientOptions().Validate(), p => p.Contains("stratum:pools is empty"));
    }

    [Fact]
    public void A_scrypt_client_needs_no_hash_function_of_its_own()
    {
        // The share check hashes through ProofOfWork by the options' algorithm; passing one is only a test seam.
        StratumClientOptions options = Valid();
        options.Algorithm = "scrypt";
        Assert.Null(Record.Exception(() => new StratumClient(options)));
    }

    internal static StratumClientOptions Valid() => new()
    {
        Pools = { new StratumPoolOptions { Url = "stratum+tcp://127.0.0.1:3333", User = "wallet.rig" } },
    };
}
