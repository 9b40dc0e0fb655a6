using IotMinerAgent.Governor.Energy;

namespace IotMinerAgent.Governor.Tests.Portable;

/// <summary>The board table's lookup by device-tree model or chip name, and the idle + load × (full − idle) formula.</summary>
public sealed class BoardPowerTests
{
    [Theory]
    [InlineData("Raspberry Pi 4 Model B Rev 1.4", "Raspberry Pi 4 Model B")]
    [InlineData("Raspberry Pi 3 Model B Plus Rev 1.3", "Raspberry Pi 3 Model B Plus")]
    [InlineData("Raspberry Pi Zero 2 W Rev 1.0", "Raspberry Pi Zero 2 W")]
    [InlineData("Raspberry Pi 5 Model B Rev 1.0", "Raspberry Pi 5 Model B")]
    [InlineData("ESP32", "ESP32")]
    [InlineData("ESP32-S3", "ESP32-S3")]
    public void Known_boards_are_found_by_their_device_tree_model_or_chip(string model, string board)
    {
        Assert.Equal(board, BoardPowerTable.Find(model)?.Board);
    }

    [Theory]
    [InlineData("Raspberry Pi 3 Model B Rev 1.2")] // the 3 B (no Plus) draws less: not the 3 B+'s figures
    [InlineData("Raspberry Pi Compute Module 4 Rev 1.0")]
    [InlineData("Raspberry Pi 500 Rev 1.0")]
    [InlineData("ESP32-C3")]
    [InlineData("Raspberry Pi 4 Model B2")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_boards_are_unknown_never_a_neighbour(string? model)
    {
        Assert.Null(BoardPowerTable.Find(model));
    }

    [Fact]
    public void Pi_4_figures_are_the_published_ones()
    {
        // Pidramble: idle 540 mA (2.7 W), stress --cpu 4 1280 mA (6.4 W).
        BoardPower pi4 = BoardPowerTable.Find("Raspberry Pi 4 Model B Rev 1.1")!;
        Assert.Equal(2700, pi4.IdleMilliwatts);
        Assert.Equal(6400, pi4.FullLoadMilliwatts);
        Assert.Contains("pidramble", pi4.Source, System.StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Esp32_figures_are_datasheet_currents_at_3_3_volts()
    {
        // 30 mA × 3.3 V = 99 mW; 68 mA × 3.3 V = 224.4 mW → 224.
        BoardPower esp32 = BoardPowerTable.Find("ESP32")!;
        Assert.Equal(99, esp32.IdleMilliwatts);
        Assert.Equal(224, esp32.FullLoadMilliwatts);

        // 32.9 mA × 3.3 V = 108.57 mW → 109; 66.2 mA × 3.3 V = 218.46 mW → 218.
        BoardPower s3 = BoardPowerTable.Find("ESP32-S3")!;
        Assert.Equal(109, s3.IdleMilliwatts);
        Assert.Equal(218, s3.FullLoadMilliwatts);
    }

    [Theory]
    // Pi 4, 2700 → 6400 mW: the span is 3700 mW.
    [InlineData(0, 2700)] // idle
    [InlineData(1000000, 6400)] // full load
    [InlineData(500000, 4550)] // 2700 + 0.5 × 3700 = 2700 + 1850
    [InlineData(250000, 3625)] // 2700 + 0.25 × 3700 = 2700 + 925
    [InlineData(333333, 3933)] // 2700 + 0.333333 × 3700 = 2700 + 1233.3 → 3933
    [InlineData(-5, 2700)] // below 0: clamped to idle
    [InlineData(2000000, 6400)] // above full: clamped to full
    public void Draw_is_idle_plus_load_times_the_span(int loadPpm, int milliwatts)
    {
        var pi4 = new BoardPower("Pi 4", 2700, 6400, "test");
        Assert.Equal(milliwatts, pi4.DrawMilliwatts(loadPpm));
    }

    [Fact]
    public void Every_entry_has_a_source_and_idle_at_most_full()
    {
        Assert.Equal(6, BoardPowerTable.All().Length);
        foreach (BoardPower board in BoardPowerTable.All())
        {
            Assert.True(board.IdleMilliwatts > 0 && board.IdleMilliwatts < board.FullLoadMilliwatts, board.Board);
            Assert.False(string.IsNullOrWhiteSpace(board.Source), board.Board);
        }
    }
}
