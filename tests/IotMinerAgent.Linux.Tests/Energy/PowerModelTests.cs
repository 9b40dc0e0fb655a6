using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using IotMinerAgent.Governor.Energy;
using IotMinerAgent.Linux.Energy;

namespace IotMinerAgent.Linux.Tests.Energy;

/// <summary>The owner's energy keys over the board table, unknown boards staying unknown, and the table's documentation.</summary>
public sealed class PowerModelTests
{
    [Fact]
    public void A_known_board_takes_the_table_and_names_it_as_the_source()
    {
        PowerModel model = PowerModel.Resolve(new EnergyOptions(), "Raspberry Pi 4 Model B Rev 1.4");
        Assert.Equal(6.4, model.FullLoadWatts);
        Assert.Equal(2.7, model.IdleWatts);
        Assert.StartsWith("board table: Raspberry Pi 4 Model B (", model.FullLoadSource);
        Assert.Contains("pidramble", model.FullLoadSource, System.StringComparison.OrdinalIgnoreCase);

        // Half duty: 2.7 + 0.5 × (6.4 − 2.7) = 2.7 + 1.85 = 4.55 W.
        Assert.Equal(4.55, model.WattsAt(500000));
    }

    [Fact]
    public void An_unknown_board_has_unknown_power_and_says_which_key_supplies_it()
    {
        PowerModel model = PowerModel.Resolve(new EnergyOptions(), null);
        Assert.Null(model.FullLoadWatts);
        Assert.Null(model.IdleWatts);
        Assert.Null(model.WattsAt(1000000));
        Assert.Contains("energy:boardWatts", model.FullLoadSource);
        Assert.Contains("energy:idleWatts", model.IdleSource);
        Assert.Contains("unknown", model.Describe());
        Assert.Contains("energy:boardWatts", model.Describe());
    }

    [Fact]
    public void The_owners_figures_replace_the_table()
    {
        PowerModel model = PowerModel.Resolve(new EnergyOptions { BoardWatts = 5, IdleWatts = 1 }, "Raspberry Pi 4 Model B Rev 1.4");
        Assert.Equal(5, model.FullLoadWatts);
        Assert.Equal("energy:boardWatts", model.FullLoadSource);
        Assert.Equal("energy:idleWatts", model.IdleSource);

        // A quarter: 1 + 0.25 × (5 − 1) = 2 W.
        Assert.Equal(2, model.WattsAt(250000));
    }

    [Fact]
    public void Board_watts_alone_on_an_unknown_board_count_idle_as_zero_and_say_so()
    {
        PowerModel model = PowerModel.Resolve(new EnergyOptions { BoardWatts = 5 }, "Some Other Board");
        Assert.Null(model.IdleWatts);
        Assert.Contains("energy:idleWatts", model.IdleSource);

        // Idle unknown counts as 0 W: 0.4 × 5 = 2 W, the mining share only.
        Assert.Equal(2, model.WattsAt(400000));
        Assert.Contains("idle unknown", model.Describe());
    }

    [Fact]
    public void A_missing_device_tree_reads_as_no_model()
    {
        Assert.Null(DeviceTreeModel.Read(Path.Combine(Path.GetTempPath(), "no-such-device-tree-model")));
        string file = Path.GetTempFileName();
        File.WriteAllText(file, "Raspberry Pi 5 Model B Rev 1.0\0");
        Assert.Equal("Raspberry Pi 5 Model B Rev 1.0", DeviceTreeModel.Read(file));
        File.Delete(file);
    }

    [Fact]
    public void Board_power_doc_lists_exactly_the_tables_figures()
    {
        string doc = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "board-power.md"));
        var rows = Regex.Matches(doc, @"^\| (?<board>[^|]+?) \| (?<idle>[0-9.]+) \| (?<full>[0-9.]+) \|", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups["board"].Value, m => (Idle: Parse(m.Groups["idle"].Value), Full: Parse(m.Groups["full"].Value)));
        Assert.Equal(BoardPowerTable.All().Select(b => b.Board).Order(), rows.Keys.Order());
        foreach (BoardPower board in BoardPowerTable.All())
        {
            Assert.Equal(board.IdleMilliwatts / 1000.0, rows[board.Board].Idle, 3);
            Assert.Equal(board.FullLoadMilliwatts / 1000.0, rows[board.Board].Full, 3);
        }
    }

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static string RepoRoot()
    {
        string dir = System.AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "docs", "architecture.md")))
        {
            dir = Path.GetDirectoryName(dir)!;
        }

        return dir;
    }
}
