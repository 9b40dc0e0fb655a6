using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Linux.Duino.Transport;

namespace IotMinerAgent.Linux.Duino;

/// <summary>
/// Asks the node picker which node to mine on: GET returns <c>{"success": true, "ip": "...", "port": 2811,
/// "name": "..."}</c> (the official miners' /getPool, github.com/revoxhere/duino-coin PC_Miner.py).
/// </summary>
public sealed class DuinoNodePicker(HttpClient http, Uri pickerUrl)
{
    /// <summary>The node to use and its name; any failure throws with a message naming the problem.</summary>
    public async Task<(DuinoEndpoint Endpoint, string Name)> PickAsync(CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await http.GetAsync(pickerUrl, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using JsonDocument json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        JsonElement root = json.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("success", out JsonElement success) || success.ValueKind != JsonValueKind.True)
        {
            string message = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("message", out JsonElement m) ? m.ToString() : "no success";
            throw new InvalidOperationException("the node picker found no node: " + UntrustedText.Escape(message, 200));
        }

        string ip = root.TryGetProperty("ip", out JsonElement ipValue) ? ipValue.ToString() : string.Empty;
        string port = root.TryGetProperty("port", out JsonElement portValue) ? portValue.ToString() : string.Empty;
        string name = root.TryGetProperty("name", out JsonElement nameValue) ? nameValue.ToString() : ip;
        if (!DuinoEndpoint.TryParse(ip + ":" + port, out DuinoEndpoint? endpoint))
        {
            throw new InvalidOperationException($"the node picker answered an unusable node '{UntrustedText.Escape(ip, 100)}:{UntrustedText.Escape(port, 10)}'");
        }

        return (endpoint, UntrustedText.Escape(name, 100));
    }
}
