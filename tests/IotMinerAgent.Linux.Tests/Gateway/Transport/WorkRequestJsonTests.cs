using System.Linq;
using System.Text;
using CsCheck;
using IotMinerAgent.Linux.Gateway.Fleet;
using IotMinerAgent.Linux.Gateway.Transport;

namespace IotMinerAgent.Linux.Tests.Gateway.Transport;

/// <summary>The work_request JSON of docs/mqtt.md: the documented example, round trips, and errors naming the field.</summary>
public sealed class WorkRequestJsonTests
{
    [Fact]
    public void Reads_the_documented_example_and_ignores_unknown_fields()
    {
        WorkRequest request = WorkRequestJson.Parse("{\"v\": 1, \"algos\": [\"sha256d\"], \"hashrate\": 120.5, \"fw\": \"0.3\"}"u8);
        Assert.Equal(["sha256d"], request.Algorithms);
        Assert.Equal(120.5, request.HashRate);
    }

    [Fact]
    public void Round_trips()
    {
        Gen.Select(Gen.OneOf(Gen.Const("sha256d"), Gen.Const("scrypt")).List[1, 4], Gen.Double[0, 1e12])
            .Sample((algos, rate) =>
            {
                WorkRequest back = WorkRequestJson.Parse(WorkRequestJson.Serialize(new WorkRequest(algos, rate)));
                return back.Algorithms.SequenceEqual(algos) && back.HashRate == rate;
            });
    }

    [Theory]
    [InlineData("", "not JSON")]
    [InlineData("[1]", "expected an object")]
    [InlineData("{\"algos\": [\"sha256d\"], \"hashrate\": 1}", "field v is missing")]
    [InlineData("{\"v\": 1, \"algos\": [], \"hashrate\": 1}", "algos has 0 entries")]
    [InlineData("{\"v\": 1, \"algos\": [7], \"hashrate\": 1}", "algos holds 7")]
    [InlineData("{\"v\": 1, \"algos\": \"sha256d\", \"hashrate\": 1}", "field algos is \"sha256d\"")]
    [InlineData("{\"v\": 1, \"algos\": [\"sha256d\"]}", "field hashrate is missing")]
    [InlineData("{\"v\": 1, \"algos\": [\"sha256d\"], \"hashrate\": \"fast\"}", "field hashrate")]
    public void Errors_name_the_field_and_what_is_allowed(string json, string expected)
    {
        var error = Assert.Throws<WorkRequestFormatException>(() => WorkRequestJson.Parse(Encoding.UTF8.GetBytes(json)));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_payload_over_the_limit_is_refused_before_it_is_parsed()
    {
        var error = Assert.Throws<WorkRequestFormatException>(() => WorkRequestJson.Parse(new byte[WorkRequestJson.MaxLength + 1]));
        Assert.Contains("at most 1024", error.Message);
    }

    [Fact]
    public void Random_bytes_never_escape_as_anything_but_a_format_error()
    {
        Gen.Byte.Array[0, 200].Sample(bytes =>
        {
            try
            {
                WorkRequestJson.Parse(bytes);
            }
            catch (WorkRequestFormatException)
            {
            }
        });
    }
}
