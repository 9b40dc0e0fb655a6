using System.Text.Json;
using System.Text.Json.Nodes;

namespace IotMinerAgent.Linux.Tests.Gateway.Node;

/// <summary>
/// A getblocktemplate answer recorded from litecoind 0.21.2.1 in regtest at height 102, with one mempool transaction
/// (a segwit spend from the wallet): real data for the parser and the block builder.
/// </summary>
public static class RegtestTemplateJson
{
    public const string TransactionData =
        "0200000000010120845dc1923f361c18dc1a2f4d65c0a71eeb771a8f66d6ea38d5ff15501483580000000000feffffff02fe1a152101000000160014bce98105e330543d70c65193b544b8dfc1d855d880d1f0080000000016001466071e73260900be9772db9ed873e86d3b0c5bf902473044022063c8a9c3016e1b2a00984750ecbf386b5f801d1b7243963fd254dea8122f6386022039a1738f6e359cb021528c2c607529f45fd71277e2da141456147c867f42aab5012102460d4b23a5e4a24060f86a7b5880bfffb27b1c46947aa35ad786dc679ada2c8265000000";

    public const string Txid = "31296e210f06f8f9e88306c0e88148f961c4f67be3265b052490bdd724c947b8";
    public const string Wtxid = "4ca15d153207fa72ebf66439ff0e3b0b124ac640cd2cfde9816bc867b9c01e89";
    public const string PreviousBlockHash = "fcdce8b89d97402ee40e9ab60eb8fe0433f8c2a99a1356f3007e7a449c5b6982";
    public const string WitnessCommitment = "6a24aa21a9ed14daf8485f6952a07011862eb56c18f69182580c211b630c4b0e041e83ec5cf6";

    public const string Text = $$"""
        {
          "capabilities": ["proposal"],
          "version": 536870912,
          "rules": ["csv", "!segwit", "taproot"],
          "vbavailable": {},
          "vbrequired": 0,
          "previousblockhash": "{{PreviousBlockHash}}",
          "transactions": [
            {"data": "{{TransactionData}}", "txid": "{{Txid}}", "hash": "{{Wtxid}}", "depends": [], "fee": 1410, "sigops": 1, "weight": 561}
          ],
          "coinbaseaux": {},
          "coinbasevalue": 5000001410,
          "longpollid": "fcdce8b89d97402ee40e9ab60eb8fe0433f8c2a99a1356f3007e7a449c5b6982105",
          "target": "7fffff0000000000000000000000000000000000000000000000000000000000",
          "mintime": 1795509035,
          "mutable": ["time", "transactions", "prevblock"],
          "noncerange": "00000000ffffffff",
          "sigoplimit": 80000,
          "sizelimit": 4000000,
          "weightlimit": 4000000,
          "curtime": 1795509040,
          "bits": "207fffff",
          "height": 102,
          "default_witness_commitment": "{{WitnessCommitment}}"
        }
        """;

    /// <summary>The template with <paramref name="edit"/> applied (a field changed, added or removed).</summary>
    public static JsonElement With(System.Action<JsonObject>? edit = null)
    {
        JsonObject template = JsonNode.Parse(Text)!.AsObject();
        edit?.Invoke(template);
        return JsonDocument.Parse(template.ToJsonString()).RootElement.Clone();
    }
}
