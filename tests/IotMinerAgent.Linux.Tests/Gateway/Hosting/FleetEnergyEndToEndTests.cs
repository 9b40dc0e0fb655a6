using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using IotMinerAgent.Hashing.DeviceWork;
using IotMinerAgent.Linux.Gateway.Transport;
using IotMinerAgent.Linux.Tests.Gateway.Transport;
using IotMinerAgent.Linux.Tests.Mqtt;
using IotMinerAgent.StratumTestPool;

namespace IotMinerAgent.Linux.Tests.Gateway.Hosting;

/// <summary>
/// The real <c>iotminer gateway</c> process, a real mosquitto and two devices publishing their status (energy_kwh) and
/// a share each: the gateway's <c>GET /api/v1/energy</c> sums the devices' kWh deltas and credits the shares.
/// </summary>
public sealed partial class FleetEnergyEndToEndTests : IDisposable
{
    readonly string _state = Directory.CreateTempSubdirectory("iotminer-fleet-energy-").FullName;

    [Fact]
    public async Task The_fleet_total_is_the_sum_of_the_devices_kWh_deltas_restarts_included()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        // Pool difficulty 1: no device share (difficulty ≤ 1e-6) meets it, so every verdict is the gateway's own.
        await using TestPool pool = TestPool.Start(new TestPoolOptions { Difficulty = 1 });
        using GatewayProcess gateway = GatewayProcess.Start(Path.Combine(_state, "gw"), new Dictionary<string, string>
        {
            ["mqtt:host"] = "127.0.0.1",
            ["mqtt:port"] = broker.Port.ToString(CultureInfo.InvariantCulture),
            ["gateway:stratum:pools:0:url"] = pool.Url,
            ["gateway:stratum:pools:0:user"] = "bc1qgatewaypayout.energy",
            ["gateway:minDifficulty"] = "0.0000001",
            ["gateway:maxDifficulty"] = "0.000001",
            ["api:port"] = "0",
            ["energy:pricePerKwh"] = "0.25",
            ["energy:currency"] = "EUR",
        });
        try
        {
            string availability = new GatewayTopics(0, GatewayTopics.DefaultGroup).Availability;
            await using TestSubscriber online = await TestSubscriber.ConnectAsync(broker.Port, [availability]);
            await online.WaitForAsync(m => m.Topic == availability && m.Payload == "online", "gateway online", seconds: 120);
            using var http = new HttpClient { BaseAddress = await ApiAddressAsync(gateway) };
            await using SimulatedDevice a = await SimulatedDevice.ConnectAsync("127.0.0.1", broker.Port, "energy-a");
            await using SimulatedDevice b = await SimulatedDevice.ConnectAsync("127.0.0.1", broker.Port, "energy-b");

            // Baselines first (the gateway counts from the first reading it hears), repeated until both are seen: a repeated
            // reading adds 0.
            await UntilAsync(http, async () =>
            {
                await Status(a, "0.010");
                await Status(b, "0.5");
            }, fleet => fleet.GetProperty("devices").GetArrayLength() == 2, "both devices' baselines");

            // a: 0.013 (+0.003), a restart to 0.002 (+0.002), 0.006 (+0.004), then hostile values that must be left out;
            // b: 0.6 (+0.1; under the 0.1667 kWh 10 kW could use in the minute allowed at least). By hand:
            // 0.003 + 0.002 + 0.004 + 0.1 = 0.109 kWh; at 0.25 EUR/kWh 0.02725 EUR.
            await Status(a, "0.013");
            await Status(a, "0.002");
            await Status(a, "0.006");
            await Status(a, "\"lots\"");
            await Status(a, "-5");
            await Status(a, "1e300");
            await a.PublishAsync("status", Encoding.UTF8.GetBytes("{not json"));
            await Status(b, "0.6");

            // One accepted share each, judged by the gateway.
            foreach (SimulatedDevice device in new[] { a, b })
            {
                await device.RequestWorkAsync();
                DeviceJob job = await device.WaitForJobAsync(seconds: 60);
                uint nonce = SimulatedDevice.FindNonces(job, 1)[0];
                await device.SendShareAsync(new DeviceShare(job.JobId, nonce));
                Assert.True((await device.WaitForVerdictAsync(job.JobId, nonce, seconds: 60)).IsAccepted);
            }

            JsonElement fleet = await UntilAsync(http, () => Task.CompletedTask,
                f => Math.Abs(Today(f.GetProperty("total")).GetProperty("kwh").GetDouble() - 0.109) < 1e-9
                    && Today(f.GetProperty("total")).GetProperty("shares_accepted").GetInt64() == 2, "the fleet total of 0.109 kWh and 2 shares");
            JsonElement total = Today(fleet.GetProperty("total"));
            Assert.Equal(0.02725, total.GetProperty("energy_cost").GetDouble(), 9);
            Assert.Equal("EUR", fleet.GetProperty("currency").GetString());
            Assert.Equal("sha256d", fleet.GetProperty("coin").GetString());
            var devices = fleet.GetProperty("devices").EnumerateArray().ToDictionary(d => d.GetProperty("device_id").GetString()!, d => Today(d.GetProperty("days")));
            Assert.Equal(0.009, devices["energy-a"].GetProperty("kwh").GetDouble(), 9);
            Assert.Equal(0.1, devices["energy-b"].GetProperty("kwh").GetDouble(), 9);
            Assert.Equal(1, devices["energy-a"].GetProperty("shares_accepted").GetInt64());
            Assert.Equal(1, devices["energy-b"].GetProperty("shares_accepted").GetInt64());
            Assert.Equal(total.GetProperty("kwh").GetDouble(), devices.Values.Sum(d => d.GetProperty("kwh").GetDouble()), 12);
            Assert.Contains("energy reading left out", gateway.Output, StringComparison.Ordinal);

            string metrics = await http.GetStringAsync("/metrics");
            // iotminer gateway mines nothing: the plain energy metric is the fleet's, as is the gateway's own.
            Assert.Equal(0.109, Sample(metrics, "iotminer_energy_kwh_total"), 9);
            Assert.Equal(0.109, Sample(metrics, "iotminer_gateway_energy_kwh_total"), 9);
            Assert.False(gateway.HasExited, gateway.Output);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException(exception.Message + "\n--- gateway output ---\n" + Tail(gateway.Output));
        }
    }

    public void Dispose() => Directory.Delete(_state, recursive: true);

    static Task Status(SimulatedDevice device, string energyKwh) => device.PublishAsync("status", Encoding.UTF8.GetBytes(
        $"{{\"v\": 1, \"device_id\": \"{device.DeviceId}\", \"state\": \"mining\", \"uptime_s\": 60, \"energy_kwh\": {energyKwh}}}"));

    static double Sample(string metrics, string name)
    {
        string? line = metrics.Split('\n').FirstOrDefault(l => l.StartsWith(name + " ", StringComparison.Ordinal));
        Assert.True(line is not null, $"{name} missing from /metrics:\n{metrics}");
        return double.Parse(line![(name.Length + 1)..].Trim(), CultureInfo.InvariantCulture);
    }

    static JsonElement Today(JsonElement days) => days.EnumerateArray().First();

    static async Task<JsonElement> UntilAsync(HttpClient http, Func<Task> act, Func<JsonElement, bool> done, string what)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(90);
        string last = "";
        while (DateTime.UtcNow < deadline)
        {
            await act();
            last = await http.GetStringAsync("/api/v1/energy");
            using JsonDocument document = JsonDocument.Parse(last);
            JsonElement fleet = document.RootElement.GetProperty("fleet");
            if (fleet.ValueKind == JsonValueKind.Object && done(fleet))
            {
                return fleet.Clone();
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"waited 90 s for {what}; last answer: {last}");
    }

    static async Task<Uri> ApiAddressAsync(GatewayProcess gateway)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            Match match = Address().Match(gateway.Output);
            if (match.Success)
            {
                return new Uri(match.Groups[1].Value);
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("the gateway never said where its API listens");
    }

    static string Tail(string output) => output.Length > 4000 ? output[^4000..] : output;

    [GeneratedRegex(@"Dashboard and API: (http://127\.0\.0\.1:\d+/)")]
    private static partial Regex Address();
}
