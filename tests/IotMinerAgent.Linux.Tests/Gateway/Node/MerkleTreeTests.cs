using System.Linq;
using CsCheck;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Gateway.Node;
using IotMinerAgent.Linux.Tests.Cli;

namespace IotMinerAgent.Linux.Tests.Gateway.Node;

public sealed class MerkleTreeTests
{
    [Fact]
    public void The_root_of_bitcoin_block_100000_matches_its_header()
    {
        // The block's four txids (display order), as every block explorer lists them; the header is tests/vectors/bitcoin-headers.json's.
        string[] txids =
        [
            "8c14f0db3df150123e6f3dbbf30f8b955a8249b62ac1d1ff16284aefa3d06d87",
            "fff2525b8931402dd09222c50775608f75787bd2b87e56995a7bdd30f79702c4",
            "6359f0868171b1d194cbee1af2f16ea598ae8fad666d9b012c8ed2b79a236ec4",
            "e9a66845e05d5abc0ad04ec80f774a7e585c6e8db975962d069a522137b80c1d",
        ];
        byte[] header = Hex.Decode(BitcoinHeader("block-100000"));

        byte[] root = MerkleTree.Root(txids.Select(Hex.DecodeReversed).ToList());

        Assert.Equal(Hex.Encode(header[36..68]), Hex.Encode(root));
        Assert.Equal("f3e94742aca4b5ef85488dc37c06c3282295ffec960994b2c0d5ac2a25a95766", Hex.Encode(Hex.DecodeReversed(Hex.Encode(root))));
    }

    [Fact]
    public void The_root_of_one_transaction_is_its_txid()
    {
        byte[] txid = Hex.DecodeReversed("4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b");

        Assert.Equal(txid, MerkleTree.Root([txid]));
        Assert.Empty(MerkleTree.CoinbaseBranch([]));
    }

    [Fact]
    public void Folding_the_coinbase_into_its_branch_gives_the_root_for_any_transaction_count()
    {
        Gen.Int[0, 40].SelectMany(count => Gen.Byte.Array[32].Array[count + 1]).Sample(hashes =>
        {
            byte[][] branch = MerkleTree.CoinbaseBranch(hashes[1..]);

            Assert.Equal(Hex.Encode(MerkleTree.Root(hashes)), Hex.Encode(StratumHeader.MerkleRoot(hashes[0], branch)));
        }, iter: 200);
    }

    static string BitcoinHeader(string name) => VectorFile.Vector("bitcoin-headers.json", name).GetProperty("header").GetString()!;
}
