using System.IO;
using System.Text;
using IotMinerAgent.Linux.Service;
using Microsoft.Extensions.Configuration;

namespace IotMinerAgent.Linux.Tests.Service;

public class ExampleConfigTests
{
    [Fact]
    public void The_dotnet_json_configuration_provider_reads_the_commented_example_with_safe_values()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(EmbeddedFiles.ExampleConfig));
        IConfigurationRoot configuration = new ConfigurationBuilder().AddJsonStream(stream).Build();

        Assert.Equal("False", configuration["consent"]);
        Assert.Equal(string.Empty, configuration["stateDirectory"]);
        Assert.Equal("sha256d", configuration["mining:algorithm"]);
        Assert.Equal("0", configuration["mining:threads"]);
        Assert.Equal("auto", configuration["mining:engine"]);
        Assert.Equal("auto", configuration["demo:shareDifficulty"]);
        Assert.Equal("30", configuration["demo:jobSeconds"]);
        Assert.Empty(configuration.GetSection("pools").GetChildren());
    }

    [Fact]
    public void Every_key_of_the_example_is_explained_by_a_comment_above_it()
    {
        string[] lines = EmbeddedFiles.ExampleConfig.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.StartsWith('"') && line.Contains("\":", System.StringComparison.Ordinal) && !line.EndsWith('{'))
            {
                Assert.True(lines[i - 1].Trim().StartsWith("//", System.StringComparison.Ordinal), $"line {i + 1} '{line}' has no comment above it");
            }
        }
    }
}
