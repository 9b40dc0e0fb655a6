using System.Diagnostics;
using CsCheck;
using IotMinerAgent.Flash.Nanoff;

namespace IotMinerAgent.Flash.Tests.Nanoff;

public class ShellQuotingTests
{
    [Theory]
    [InlineData("--address", "--address")]
    [InlineData("/dev/ttyUSB0", "/dev/ttyUSB0")]
    [InlineData("", "''")]
    [InlineData("my out/app.bin", "'my out/app.bin'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("$HOME", "'$HOME'")]
    public void Quotes_only_what_a_shell_would_change(string word, string quoted)
    {
        Assert.Equal(quoted, ShellQuoting.Quote(word));
    }

    [Fact]
    public void A_quoted_word_reaches_a_program_unchanged_through_a_real_shell()
    {
        Gen.String[Gen.Char["aZ09_-./ '\"$`\\*?;&|<>(){}!#~\t"], 0, 12].Sample(word =>
        {
            ProcessStartInfo start = new("/bin/sh", new[] { "-c", "printf '%s' " + ShellQuoting.Quote(word) }) { RedirectStandardOutput = true };
            using Process process = Process.Start(start)!;
            string echoed = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.Equal(word, echoed);
        }, iter: 40);
    }
}
