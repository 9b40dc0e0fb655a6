using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using IotMinerAgent.Linux.Energy;

namespace IotMinerAgent.Linux.Tests.Api;

/// <summary><c>/metrics</c> (prometheus-net's text format) and the OpenAPI document checked against the real endpoints.</summary>
public sealed class MetricsAndOpenApiTests
{
    [Fact]
    public async Task Metrics_carry_the_status_in_the_Prometheus_text_format()
    {
        await using ApiServerHarness api = await ApiServerHarness.StartAsync();
        api.Source.Accepted = 12;
        using HttpResponseMessage response = await api.Client.GetAsync(api.Url("/metrics"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.ToString());
        Dictionary<string, string> samples = Samples(await response.Content.ReadAsStringAsync());

        // The harness's status: 1234.5 H/s, 48.5 °C, duty from the real governor (100 % without a sensor here).
        Assert.Equal("1234.5", samples["iotminer_hashrate_hs"]);
        Assert.Equal("48.5", samples["iotminer_temperature_celsius"]);
        Assert.Equal((api.Control.DutyPercent / 100.0).ToString(System.Globalization.CultureInfo.InvariantCulture), samples["iotminer_duty_ratio"]);
        Assert.Equal("12", samples["iotminer_shares_total{result=\"accepted\"}"]);
        Assert.Equal("2", samples["iotminer_shares_total{result=\"rejected\"}"]);
        Assert.Equal("1", samples["iotminer_shares_total{result=\"stale\"}"]);
        Assert.Equal("1", samples["iotminer_info{algo=\"sha256d\",engine=\"scalar\",pool=\"stratum+tcp://pool.example.org:3333\",version=\"0.1.0\"}"]);
        Assert.DoesNotContain(samples.Keys, k => k.StartsWith("iotminer_gateway", StringComparison.Ordinal));

        // The test process's own memory: resident between 1 MB and its heap's limit plus the runtime; the limit is the
        // GC's (this test host sets no hard limit, so it is the machine's memory, at least 64 MB on any test machine).
        double resident = Number(samples["process_resident_memory_bytes"]);
        double limit = Number(samples["iotminer_managed_heap_limit_bytes"]);
        Assert.InRange(resident, 1 << 20, Environment.WorkingSet * 2.0);
        Assert.InRange(limit, 64 << 20, double.MaxValue);

        // Counters follow the status: a later scrape shows the new total.
        api.Source.Accepted = 13;
        Assert.Equal("13", Samples(await api.Client.GetStringAsync(api.Url("/metrics")))["iotminer_shares_total{result=\"accepted\"}"]);
    }

    [Fact]
    public async Task Energy_metrics_count_the_boards_kWh_and_sum_the_ledgers_coins_and_cost()
    {
        await using ApiServerHarness api = await ApiServerHarness.StartAsync();
        Dictionary<string, string> before = Samples(await api.Client.GetStringAsync(api.Url("/metrics")));
        Assert.DoesNotContain(before.Keys, k => k.StartsWith("iotminer_energy_kwh_total", StringComparison.Ordinal));

        // 0.0125 kWh since start; the ledger: 0.2 kWh costing 0.06 € earning 3e-9 coins, then 0.1 kWh at unknown
        // price earning 1e-9 coins: 4e-9 coins and 0.06 € in all (an unknown cost adds nothing, it is not 0).
        api.Source.EnergyKwh = 0.0125;
        api.Energy.Add(new EnergyInterval(0.2, 1, 3e-9, 0.06, null));
        api.Energy.Add(new EnergyInterval(0.1, 0, 1e-9, null, null));
        Dictionary<string, string> samples = Samples(await api.Client.GetStringAsync(api.Url("/metrics")));

        Assert.Equal(0.0125, Number(samples["iotminer_energy_kwh_total"]), 12);
        Assert.Equal(4e-9, Number(samples["iotminer_earnings_coins_total{coin=\"sha256d\"}"]), 15);
        Assert.Equal(0.06, Number(samples["iotminer_energy_cost_total{currency=\"EUR\"}"]), 12);
    }

    [Fact]
    public async Task A_scrape_serves_the_ledger_from_memory_and_never_reads_its_file()
    {
        await using ApiServerHarness api = await ApiServerHarness.StartAsync();
        api.Energy.Add(new EnergyInterval(0.2, 1, 3e-9, 0.06, null));
        int reads = api.Store.Reads;

        // Three scrapes (a Prometheus server scrapes every few seconds): the cost is there, the file untouched.
        for (int scrape = 0; scrape < 3; scrape++)
        {
            Dictionary<string, string> samples = Samples(await api.Client.GetStringAsync(api.Url("/metrics")));
            Assert.Equal(0.06, Number(samples["iotminer_energy_cost_total{currency=\"EUR\"}"]), 12);
        }

        Assert.Equal(reads, api.Store.Reads);

        // The API's ledger endpoint does read it (the days asked for): the count sees reads.
        await api.Client.GetStringAsync(api.Url("/api/v1/energy"));
        Assert.True(api.Store.Reads > reads);
    }

    private static double Number(string text) => double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_OpenAPI_document_lists_every_endpoint_and_each_GET_answers_as_documented()
    {
        await using ApiServerHarness api = await ApiServerHarness.StartAsync();
        using JsonDocument document = JsonDocument.Parse(await api.Client.GetStringAsync(api.Url("/api/v1/openapi.json")));
        JsonElement paths = document.RootElement.GetProperty("paths");
        string[] expected = ["/api/v1", "/api/v1/status", "/api/v1/shares", "/api/v1/history", "/api/v1/energy", "/api/v1/agent", "/api/v1/pause", "/api/v1/resume", "/api/v1/limits", "/api/v1/devices"];
        Assert.Equal(expected.Order(), paths.EnumerateObject().Select(p => p.Name).Order());
        Assert.True(paths.GetProperty("/api/v1/limits").TryGetProperty("put", out JsonElement put));
        Assert.True(put.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));

        foreach (JsonProperty path in paths.EnumerateObject())
        {
            if (!path.Value.TryGetProperty("get", out JsonElement get))
            {
                continue;
            }

            using HttpResponseMessage response = await api.Client.GetAsync(api.Url(path.Name));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(get.GetProperty("responses").TryGetProperty("200", out JsonElement ok), path.Name + " documents no 200");

            // Every property the document promises for the 200 body is in the real body.
            JsonElement schema = ok.GetProperty("content").GetProperty("application/json").GetProperty("schema");
            using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            foreach (string property in Properties(document.RootElement, schema))
            {
                Assert.True(body.RootElement.TryGetProperty(property, out _), $"{path.Name}: the document promises '{property}', the endpoint does not send it");
            }
        }
    }

    private static IEnumerable<string> Properties(JsonElement root, JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out JsonElement reference))
        {
            string name = reference.GetString()!.Split('/').Last();
            schema = root.GetProperty("components").GetProperty("schemas").GetProperty(name);
        }

        return schema.TryGetProperty("properties", out JsonElement properties) ? properties.EnumerateObject().Select(p => p.Name).ToList() : [];
    }

    private static Dictionary<string, string> Samples(string text)
    {
        var samples = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in text.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            int space = line.LastIndexOf(' ');
            samples[line[..space]] = line[(space + 1)..];
        }

        return samples;
    }
}
