using System;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Gateway.Node;

namespace IotMinerAgent.Linux.Tests.Gateway.Node;

public sealed class PayoutAddressTests
{
    static readonly CoinNetwork BitcoinMain = CoinNetwork.Find(Coin.Bitcoin, "main")!;
    static readonly CoinNetwork BitcoinTest = CoinNetwork.Find(Coin.Bitcoin, "test")!;
    static readonly CoinNetwork LitecoinRegtest = CoinNetwork.Find(Coin.Litecoin, "regtest")!;

    /// <summary>BIP 350 "Test vectors for v0-v16 native segregated witness addresses", valid list.</summary>
    [Theory]
    [InlineData("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", "main", "0014751e76e8199196d454941c45d1b3a323f1433bd6")]
    [InlineData("tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7", "test", "00201863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262")]
    [InlineData("bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y", "main", "5128751e76e8199196d454941c45d1b3a323f1433bd6751e76e8199196d454941c45d1b3a323f1433bd6")]
    [InlineData("BC1SW50QGDZ25J", "main", "6002751e")]
    [InlineData("bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs", "main", "5210751e76e8199196d454941c45d1b3a323")]
    [InlineData("tb1qqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesrxh6hy", "test", "0020000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433")]
    [InlineData("tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c", "test", "5120000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433")]
    [InlineData("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0", "main", "512079be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798")]
    public void Bip350_valid_segwit_addresses_decode_to_their_scripts(string address, string chain, string script)
    {
        Assert.Equal(script, Hex.Encode(PayoutAddress.ToScript(address, CoinNetwork.Find(Coin.Bitcoin, chain)!)));
    }

    /// <summary>BIP 350 invalid segwit addresses, with the reason the BIP gives and a word of our message for it.</summary>
    [Theory]
    [InlineData("tc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq5zuyut", "prefix 'tc1' is not this network's 'bc1'")] // invalid human-readable part
    [InlineData("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd", "bech32m")] // bech32 instead of bech32m
    [InlineData("tb1z0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqglt7rf", "bech32m")] // bech32 instead of bech32m
    [InlineData("BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL", "bech32m")] // bech32 instead of bech32m
    [InlineData("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh", "BIP 173")] // bech32m instead of bech32
    [InlineData("tb1q0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq24jc47", "BIP 173")] // bech32m instead of bech32
    [InlineData("bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4", "not a bech32 character")] // invalid character in checksum
    [InlineData("BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R", "above 16")] // invalid witness version
    [InlineData("bc1pw5dgrnzv", "outside 2..40")] // program length 1
    [InlineData("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v8n0nx0muaewav253zgeav", "outside 2..40")] // program length 41
    [InlineData("BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P", "not 20 (P2WPKH) or 32")] // v0 program length 16
    [InlineData("tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq47Zagq", "mixes upper and lower case")]
    [InlineData("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v07qwwzcrf", "padding")] // more than 4 padding bits
    [InlineData("tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vpggkg4j", "padding")] // non-zero padding
    [InlineData("bc1gmk9yu", "no witness version")] // empty data section
    public void Bip350_invalid_segwit_addresses_are_refused_with_the_reason(string address, string reason)
    {
        CoinNetwork network = address.StartsWith("tb", StringComparison.OrdinalIgnoreCase) ? BitcoinTest : BitcoinMain;

        var error = Assert.Throws<PayoutAddressException>(() => PayoutAddress.ToScript(address, network));

        Assert.Contains(address, error.Message);
        Assert.Contains(reason, error.Message);
        Assert.Contains(network.AddressPrefixes, error.Message);
    }

    /// <summary>
    /// Litecoin addresses: base58 ones from litecoin-project/litecoin src/test/data/key_io_valid.json; the bech32
    /// ones encode BIP 173/350 programs with Litecoin's prefixes and were checked with litecoind 0.21.2.1's validateaddress.
    /// </summary>
    [Theory]
    [InlineData("LT2KVaAy1ppRuxRgrS5RNU3vBsy7RibPeA", "main", "76a914558dbca7118cd5894502767c7b2ffc21a22f54db88ac")]
    [InlineData("MHrYRxAiMNBTku3eoDHwhA1LQGDjUStZW2", "main", "a9146d328a5b2a20d943a641c8d29b6cc3c2d2df85d387")]
    [InlineData("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "main", "a914b472a266d0bd89c13706a4132ccfb16f7c3b9fcb87")]
    [InlineData("ltc1qw508d6qejxtdg4y5r3zarvary0c5xw7kgmn4n9", "main", "0014751e76e8199196d454941c45d1b3a323f1433bd6")]
    [InlineData("ltc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qmu8tk5", "main", "00201863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262")]
    [InlineData("ltc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqpj6zg2", "main", "512079be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798")]
    [InlineData("mwXn5Vhicdav8Av3KMokx4YNuHoGRKxtWs", "test", "76a914afa9e672141e283dfbcc1cf28f3793a856d3878488ac")]
    [InlineData("QXaUgLHkZcbJb2j5XgMYzY8cF9YM48Y81Z", "test", "a9147860667e60a6545e18e541984094b29c9c46991b87")]
    [InlineData("tltc1qw508d6qejxtdg4y5r3zarvary0c5xw7klfsuq0", "test", "0014751e76e8199196d454941c45d1b3a323f1433bd6")]
    [InlineData("mpWvR79tSrA5xeziB6mjNYWdaVRwBpgnUP", "regtest", "76a91462b790654f809d32202587c6a43456ffc1965d8388ac")]
    [InlineData("QgDNrG4nJpE4VV7PcFMFhkTgwAHWxWS7pj", "regtest", "a914d71bee7a1395c10c9ca9a7f53ac086b53e74369d87")]
    public void Litecoin_addresses_decode_to_their_scripts(string address, string chain, string script)
    {
        Assert.Equal(script, Hex.Encode(PayoutAddress.ToScript(address, CoinNetwork.Find(Coin.Litecoin, chain)!)));
    }

    [Theory]
    [InlineData("ltc1qw508d6qejxtdg4y5r3zarvary0c5xw7kgmn4n9", "litecoin main")]
    [InlineData("LT2KVaAy1ppRuxRgrS5RNU3vBsy7RibPeA", "litecoin main")]
    [InlineData("tltc1qw508d6qejxtdg4y5r3zarvary0c5xw7klfsuq0", "litecoin test")]
    [InlineData("bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080", "bitcoin regtest")]
    public void An_address_of_another_network_names_that_network_and_the_expected_prefix(string address, string actual)
    {
        var error = Assert.Throws<PayoutAddressException>(() => PayoutAddress.ToScript(address, LitecoinRegtest));

        Assert.Equal(
            $"Payout address '{address}' is a {actual} address, but the node runs litecoin regtest: give a litecoin regtest address (starting with m, n, Q, 2 or rltc1).",
            error.Message);
    }

    [Fact]
    public void A_mistyped_legacy_address_fails_its_checksum()
    {
        // LT2KVaAy1ppRuxRgrS5RNU3vBsy7RibPeA with its last character changed.
        var error = Assert.Throws<PayoutAddressException>(() => PayoutAddress.ToScript("LT2KVaAy1ppRuxRgrS5RNU3vBsy7RibPeB", CoinNetwork.Find(Coin.Litecoin, "main")!));

        Assert.Contains("'LT2KVaAy1ppRuxRgrS5RNU3vBsy7RibPeB' is not a valid litecoin main address", error.Message);
        Assert.Contains("checksum is wrong", error.Message);
        Assert.Contains("L, M, 3 or ltc1", error.Message);
    }

    [Fact]
    public void A_mistyped_bech32_address_fails_its_checksum()
    {
        var error = Assert.Throws<PayoutAddressException>(() => PayoutAddress.ToScript("ltc1qw508d6qejxtdg4y5r3zarvary0c5xw7kgmn4n8", CoinNetwork.Find(Coin.Litecoin, "main")!));

        Assert.Contains("bech32 checksum is wrong", error.Message);
    }

    [Fact]
    public void An_mweb_address_cannot_be_paid_by_a_coinbase()
    {
        Assert.False(PayoutAddress.TryToScript("tmweb1qq0hmsqwsqeqtmsvl", LitecoinRegtest, out _, out string problem));

        Assert.Contains("MWEB", problem);
    }

    [Theory]
    [InlineData("bitcoin", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", null)]
    [InlineData("litecoin", "rltc1qw508d6qejxtdg4y5r3zarvary0c5xw7k693xs3", null)]
    [InlineData("litecoin", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "is a bitcoin main address, not a litecoin address")]
    [InlineData("litecoin", "rltc1qw508d6qejxtdg4y5r3zarvary0c5xw7k693xs4", "bech32 checksum is wrong")]
    [InlineData("bitcoin", "", "it is empty")]
    [InlineData("bitcoin", "", "Give one starting with 1, 3 or bc1 (main); m, n, 2 or tb1 (test, testnet4); m, n, 2 or bcrt1 (regtest).")]
    public void Before_the_chain_is_known_an_address_must_belong_to_the_coin(string coin, string address, string? problem)
    {
        string? found = PayoutAddress.ProblemForCoin(address, Coin.Find(coin)!);

        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.NotNull(found);
            Assert.Contains(problem, found);
        }
    }
}
