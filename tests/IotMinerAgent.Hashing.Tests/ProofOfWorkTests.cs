using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace IotMinerAgent.Hashing.Tests;

/// <summary>The one proof-of-work entry against the published vectors of every algorithm (tests/vectors).</summary>
public class ProofOfWorkTests
{
    /// <summary>Every header vector: the Bitcoin headers, the Litecoin headers and the Stratum jobs that carry their header.</summary>
    public static IEnumerable<object[]> HeaderVectors() =>
        VectorFile.Vectors("bitcoin-headers.json").Select(v => new object[] { Algorithms.Sha256d, v.Text("header"), v.Text("hash") })
            .Concat(VectorFile.Vectors("scrypt.json").Where(v => v.Text("kind") == "scrypt-header")
                .Select(v => new object[] { Algorithms.Scrypt, v.Text("header"), v.Text("pow_hash") }))
            .Concat(VectorFile.Vectors("stratum-jobs.json").Where(v => v.TryGetProperty("header", out _)).Select(v => new object[] { v.Text("algo"), v.Text("header"), v.Text("hash") }));

    [Theory]
    [MemberData(nameof(HeaderVectors))]
    public void A_header_hashes_to_its_published_proof_of_work(string algorithm, string headerHex, string displayHash)
    {
        byte[] header = Convert.FromHexString(headerHex);

        Assert.Equal(displayHash, ScryptVectors.Display(ProofOfWork.Hash(algorithm, header)));
    }

    [Theory]
    [MemberData(nameof(HeaderVectors))]
    public void Header_work_at_its_nonce_hashes_like_the_header(string algorithm, string headerHex, string displayHash)
    {
        byte[] header = Convert.FromHexString(headerHex);
        uint nonce = BitConverter.ToUInt32(header, 76);
        var work = new HeaderWork(algorithm, header, Target.Max);

        Assert.Equal(displayHash, ScryptVectors.Display(ProofOfWork.Hash(work, nonce)));
        Assert.NotEqual(displayHash, ScryptVectors.Display(ProofOfWork.Hash(work, nonce + 1)));
    }

    [Fact]
    public void Duco_work_at_its_published_nonce_hashes_to_the_expected_digest()
    {
        var (work, nonce) = DucoS1Reference.PublishedVector();
        byte[] expected = Enumerable.Range(0, 20).Select(i => work.ExpectedByte(i)).ToArray();

        Assert.Equal(expected, ProofOfWork.Hash(work, nonce));
        Assert.NotEqual(expected, ProofOfWork.Hash(work, nonce + 1));
    }

    [Fact]
    public void Duco_s1_by_name_and_header_is_refused_with_the_way_to_hash_it()
    {
        var error = Assert.Throws<ArgumentException>(() => ProofOfWork.Hash(Algorithms.DucoS1, new byte[80]));

        Assert.Equal("algorithm", error.ParamName);
        Assert.Contains("ProofOfWork.Hash(work, nonce)", error.Message);
    }

    [Theory]
    [InlineData("x11")]
    [InlineData("SHA256D")]
    [InlineData("")]
    public void An_unknown_algorithm_is_refused_naming_it_and_the_known_ones(string algorithm)
    {
        var error = Assert.Throws<ArgumentException>(() => ProofOfWork.Hash(algorithm, new byte[80]));

        Assert.Contains("'" + algorithm + "'", error.Message);
        Assert.Contains("sha256d, scrypt or duco-s1", error.Message);
    }

    [Fact]
    public void An_unknown_kind_of_work_is_refused_naming_its_algorithm()
    {
        var error = Assert.Throws<ArgumentException>(() => ProofOfWork.Hash(new OtherWork(), 0));

        Assert.Equal("work", error.ParamName);
        Assert.Contains("'x11'", error.Message);
    }

    [Fact]
    public void Only_sha256d_and_scrypt_are_header_algorithms()
    {
        Assert.True(ProofOfWork.IsHeaderAlgorithm(Algorithms.Sha256d));
        Assert.True(ProofOfWork.IsHeaderAlgorithm(Algorithms.Scrypt));
        Assert.False(ProofOfWork.IsHeaderAlgorithm(Algorithms.DucoS1));
        Assert.False(ProofOfWork.IsHeaderAlgorithm("x11"));
    }

    private sealed class OtherWork : MiningWork
    {
        public override string Algorithm => "x11";
    }
}
