using System.Text.Json;

namespace IotMinerAgent.Linux.Tests.Cli;

public class HashCommandTests
{
    [Fact]
    public void Sha256d_of_the_genesis_header_prints_the_genesis_block_hash()
    {
        JsonElement genesis = VectorFile.Vector("bitcoin-headers.json", "genesis");
        CliRun run = CliRun.Of("hash", "--algo", "sha256d", "--hex", genesis.GetProperty("header").GetString()!);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(genesis.GetProperty("hash").GetString(), run.Output.Trim());
    }

    [Fact]
    public void Scrypt_of_a_litecoin_header_prints_its_proof_of_work_hash_as_json()
    {
        JsonElement header = VectorFile.Vector("scrypt.json", "litecoin-header-1");
        CliRun run = CliRun.Of("hash", "--algo", "scrypt", "--hex", header.GetProperty("header").GetString()!, "--json");
        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Output);
        Assert.Equal("scrypt", json.RootElement.GetProperty("algo").GetString());
        Assert.Equal(header.GetProperty("pow_hash").GetString(), json.RootElement.GetProperty("hash").GetString());
    }

    [Fact]
    public void Sha1_prints_the_plain_digest_not_reversed()
    {
        // FIPS 180-2 appendix A.1: SHA-1("abc").
        CliRun run = CliRun.Of("hash", "--algo", "sha1", "--hex", "616263");
        Assert.Equal("a9993e364706816aba3e25717850c26c9cd0d89d", run.Output.Trim());
    }

    [Theory]
    [InlineData("zz", "--hex")]
    [InlineData("abc", "--hex")]
    public void Bad_hex_is_a_usage_error_naming_the_option(string hex, string option)
    {
        CliRun run = CliRun.Of("hash", "--algo", "sha256d", "--hex", hex);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(option, run.Error);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Fact]
    public void Unknown_algorithm_is_a_usage_error_listing_the_choices()
    {
        CliRun run = CliRun.Of("hash", "--algo", "md5", "--hex", "00");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("md5", run.Error);
        Assert.Contains("sha256d", run.Error);
    }
}
