using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.DeviceContract;
using IotMinerAgent.Linux.Api;
using IotMinerAgent.Linux.Energy;
using IotMinerAgent.Linux.Mining;
using IotMinerAgent.Linux.Mqtt.Commands;
using IotMinerAgent.Linux.Mqtt.Messages;

namespace IotMinerAgent.Linux.Tests.Api;

/// <summary>The miner's endpoints on the real Kestrel server (port 0) over the real owner's controls.</summary>
public sealed class AgentEndpointTests
{
    private static readonly ApiOptions Writable = new() { ReadOnly = false };

    [Fact]
    public async Task Status_is_the_MQTT_status_message_field_for_field()
    {
        await using ApiServerHarness api = await ApiServerHarness.StartAsync();
        using JsonDocument served = JsonDocument.Parse(await api.Client.GetStringAsync(api.Url("/api/v1/status")));

        // The MQTT status of the same snapshot, serialized by the MQTT contract's own context.
        StatusMessage mqtt = StatusMessage.From(api.Source.GetStatus(), "test-device", DateTimeOffset.UtcNow);
        using JsonDocument expected = JsonDocument.Parse(JsonSerializer.Serialize(mqtt, MqttJsonContext.Default.StatusMessage));
        string[] servedFields = [.. served.RootElement.EnumerateObject().Select(p => p.Name)];
        Assert.Equal(expected.RootElement.EnumerateObject().Select(p => p.Name), servedFields);
        foreach (JsonProperty field in expected.RootElement.EnumerateObject().Where(p => p.Name is not "time" and not "uptime_s"))
        {
            Assert.True(JsonElement.DeepEquals(field.Value, served.RootElement.GetProperty(field.Name)), $"{field.Name}: MQTT {field.Value}, API {served.RootElement.GetProperty(field.Name)}");
        }

        Assert.Equal(48.5, served.RootElement.GetProperty("temperature_c").GetDouble());
        Assert.Equal("test-device", served.RootElement.GetProperty("device_id").GetString());
    }

    [Fact]
    public async Task Shares_are_newest_first_with_verdicts_and_bounded_by_limit_and_capacity()
    {
        await using ApiServerHarness api = await ApiServerHarness.StartAsync();
        FoundShare[] shares = [.. Enumerable.Range(1, 7).Select(i => Share("s" + i, (uint)i))];
        foreach (FoundShare share in shares)
        {
            api.Shares.Found(share);
        }

        api.Shares.Answered(shares[6], new ShareOutcome(ShareVerdict.Accepted));
        api.Shares.Answered(shares[5], new ShareOutcome(ShareVerdict.Rejected, "low difficulty\u001b[31m"));

        using JsonDocument two = JsonDocument.Parse(await api.Client.GetStringAsync(api.Url("/api/v1/shares?limit=2")));
        JsonElement[] list = [.. two.RootElement.GetProperty("shares").EnumerateArray()];
        Assert.Equal(["s7", "s6"], list.Select(s => s.GetProperty("id").GetString()));
        Assert.Equal("accepted", list[0].GetProperty("result").GetString());
        Assert.Equal("00000007", list[0].GetProperty("nonce").GetString());
        Assert.Equal("rejected", list[1].GetProperty("result").GetString());
        Assert.DoesNotContain('\u001b', list[1].GetProperty("reason").GetString()!);

        // The buffer keeps 5 (the harness's capacity): s1 and s2 are gone, s3 is still pending.
        using JsonDocument all = JsonDocument.Parse(await api.Client.GetStringAsync(api.Url("/api/v1/shares?limit=5")));
        JsonElement[] kept = [.. all.RootElement.GetProperty("shares").EnumerateArray()];
        Assert.Equal(["s7", "s6", "s5", "s4", "s3"], kept.Select(s => s.GetProperty("id").GetString()));
        Assert.Equal(JsonValueKind.Null, kept[4].GetProperty("result").ValueKind);

        using HttpResponseMessage tooMany = await api.Client.GetAsync(api.Url("/api/v1/shares?limit=6"));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("allowed: 1 to 5", await tooMany.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Energy_serves_the_ledger_days_with_net_and_unknowns_as_null()
    {
        await using ApiServerHarness api = await ApiServerHarness.StartAsync();
        // Two intervals today: 0.25 + 0.5 kWh at 0.30 €/kWh cost 0.075 + 0.15 = 0.225 €; earnings known only in the
        // first (0.1 €), so the day earned 0.1 € and its net is 0.1 − 0.225 = −0.125 €. Coins were never known: null.
        api.Energy.Add(new EnergyInterval(0.25, 3, null, 0.075, 0.1));
        api.Energy.Add(new EnergyInterval(0.5, 2, null, 0.15, null));

        using JsonDocument energy = JsonDocument.Parse(await api.Client.GetStringAsync(api.Url("/api/v1/energy?days=7")));
        Assert.Equal("EUR", energy.RootElement.GetProperty("currency").GetString());
        JsonElement today = Assert.Single(energy.RootElement.GetProperty("days").EnumerateArray());
        Assert.Equal(DateTime.Now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), today.GetProperty("day").GetString());
        Assert.Equal(0.75, today.GetProperty("kwh").GetDouble(), 9);
        Assert.Equal(5, today.GetProperty("shares_accepted").GetInt64());
        Assert.Equal(JsonValueKind.Null, today.GetProperty("expected_coins").ValueKind);
        Assert.Equal(0.225, today.GetProperty("energy_cost").GetDouble(), 9);
        Assert.Equal(-0.125, today.GetProperty("net").GetDouble(), 9);

        // Only today has a row: today's and the week's sums are that row, the week spanning the 6 days before too.
        foreach (string period in new[] { "today", "last_7_days" })
        {
            JsonElement sum = energy.RootElement.GetProperty(period);
            Assert.Equal(1, sum.GetProperty("days_with_data").GetInt32());
            Assert.Equal(0.75, sum.GetProperty("kwh").GetDouble(), 9);
            Assert.Equal(0.225, sum.GetProperty("energy_cost").GetDouble(), 9);
            Assert.Equal(JsonValueKind.Null, sum.GetProperty("expected_coins").ValueKind);
            Assert.Equal(-0.125, sum.GetProperty("net").GetDouble(), 9);
        }

        Assert.Equal(DateOnly.FromDateTime(DateTime.Now).AddDays(-6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            energy.RootElement.GetProperty("last_7_days").GetProperty("from").GetString());
        Assert.Equal("kWh × energy:pricePerKwh", energy.RootElement.GetProperty("sources").GetProperty("energy_cost").GetString());

        using HttpResponseMessage tooMany = await api.Client.GetAsync(api.Url("/api/v1/energy?days=401"));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("allowed: 1 to 400", await tooMany.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task History_serves_the_closed_minutes()
    {
        await using ApiServerHarness api = await ApiServerHarness.StartAsync();
        using JsonDocument history = JsonDocument.Parse(await api.Client.GetStringAsync(api.Url("/api/v1/history")));
        Assert.Equal(60, history.RootElement.GetProperty("interval_s").GetInt32());
        Assert.Equal(JsonValueKind.Array, history.RootElement.GetProperty("samples").ValueKind);
    }

    [Fact]
    public async Task Pause_and_resume_act_on_the_owner_controls_when_writable()
    {
        await using ApiServerHarness api = await ApiServerHarness.StartAsync(Writable);
        using HttpResponseMessage paused = await api.Client.PostAsync(api.Url("/api/v1/pause"), null);
        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        Assert.False(api.Control.MiningEnabled);
        using (JsonDocument body = JsonDocument.Parse(await paused.Content.ReadAsStringAsync()))
        {
            Assert.Equal("paused", body.RootElement.GetProperty("state").GetString());
        }

        using HttpResponseMessage resumed = await api.Client.PostAsync(api.Url("/api/v1/resume"), null);
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        Assert.True(api.Control.MiningEnabled);
    }

    [Fact]
    public async Task Read_only_refuses_every_write_and_changes_nothing()
    {
        await using ApiServerHarness api = await ApiServerHarness.StartAsync();
        using HttpResponseMessage pause = await api.Client.PostAsync(api.Url("/api/v1/pause"), null);
        using HttpResponseMessage limits = await api.Client.PutAsync(api.Url("/api/v1/limits"), Json("{\"max_duty\": 50}"));
        Assert.Equal(HttpStatusCode.Forbidden, pause.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, limits.StatusCode);
        Assert.Contains("api:readOnly", await pause.Content.ReadAsStringAsync());
        Assert.True(api.Control.MiningEnabled);
        Assert.Equal(100, api.Control.MaxDutyPercent);
    }

    [Fact]
    public async Task Limits_apply_all_three_through_the_controls()
    {
        await using ApiServerHarness api = await ApiServerHarness.StartAsync(Writable);
        using HttpResponseMessage response = await api.Client.PutAsync(api.Url("/api/v1/limits"), Json("{\"target_temperature\": 61.5, \"max_duty\": 40, \"threads\": 1}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(61.5, api.Control.TargetTemperatureC);
        Assert.Equal(40, api.Control.MaxDutyPercent);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(40, body.RootElement.GetProperty("max_duty_percent").GetInt32());
    }

    [Theory]
    [InlineData(CommandNames.TargetTemperature, "86")]
    [InlineData(CommandNames.TargetTemperature, "29.9")]
    [InlineData(CommandNames.MaxDuty, "0")]
    [InlineData(CommandNames.MaxDuty, "50.5")]
    [InlineData(CommandNames.Threads, "3")]
    [InlineData(CommandNames.Threads, "\"two\"")]
    public async Task A_limit_is_refused_with_the_MQTT_command_answer_and_nothing_is_applied(string name, string value)
    {
        await using ApiServerHarness api = await ApiServerHarness.StartAsync(Writable);
        // One rule set: the answer MQTT gives to cmd/<name> with {"value": <value>} for the same device (2 threads).
        string mqttAnswer = CommandParser.Parse(name, Encoding.UTF8.GetBytes("{\"value\": " + value + "}"), api.Control.MaxThreads).Error!;

        // A valid max_duty first: all or nothing, it must not be applied either.
        string body = name == CommandNames.MaxDuty ? "{\"" + name + "\": " + value + "}" : "{\"max_duty\": 30, \"" + name + "\": " + value + "}";
        using HttpResponseMessage response = await api.Client.PutAsync(api.Url("/api/v1/limits"), Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using JsonDocument errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal([mqttAnswer], errors.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(100, api.Control.MaxDutyPercent);
        Assert.Equal(70, api.Control.TargetTemperatureC);
    }

    [Theory]
    [InlineData("pool")]
    [InlineData("payout_address")]
    public async Task Pool_and_payout_can_never_be_changed(string field)
    {
        Assert.True(ForbiddenCommands.IsForbidden(field));
        await using ApiServerHarness api = await ApiServerHarness.StartAsync(Writable);
        using HttpResponseMessage response = await api.Client.PutAsync(api.Url("/api/v1/limits"), Json("{\"" + field + "\": \"stratum+tcp://evil:3333\"}"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(AgentEndpoints.ForbiddenChangeError, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0].GetString());
    }

    [Fact]
    public async Task Limits_need_a_JSON_body()
    {
        await using ApiServerHarness api = await ApiServerHarness.StartAsync(Writable);
        using HttpResponseMessage form = await api.Client.PutAsync(api.Url("/api/v1/limits"), new StringContent("max_duty=5", Encoding.UTF8, "application/x-www-form-urlencoded"));
        using HttpResponseMessage broken = await api.Client.PutAsync(api.Url("/api/v1/limits"), Json("{\"max_duty\": "));
        using HttpResponseMessage unknown = await api.Client.PutAsync(api.Url("/api/v1/limits"), Json("{\"speed\": 5}"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("allowed: target_temperature, max_duty, threads", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(100, api.Control.MaxDutyPercent);
    }

    [Fact]
    public async Task Roles_say_what_the_process_serves()
    {
        await using ApiServerHarness api = await ApiServerHarness.StartAsync();
        using JsonDocument roles = JsonDocument.Parse(await api.Client.GetStringAsync(api.Url("/api/v1")));
        Assert.True(roles.RootElement.GetProperty("agent").GetBoolean());
        Assert.False(roles.RootElement.GetProperty("gateway").GetBoolean());
        Assert.True(roles.RootElement.GetProperty("read_only").GetBoolean());
        using JsonDocument devices = JsonDocument.Parse(await api.Client.GetStringAsync(api.Url("/api/v1/devices")));
        Assert.False(devices.RootElement.GetProperty("gateway").GetBoolean());
    }

    internal static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static FoundShare Share(string id, uint nonce) => new(id, new ApiTestJob(), [0, 0, 0, 1], nonce, new byte[32], 1, DateTimeOffset.UnixEpoch.AddSeconds(nonce));
}
