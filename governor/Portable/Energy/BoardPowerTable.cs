namespace IotMinerAgent.Governor.Energy
{
    /// <summary>
    /// Published power figures for the boards the product targets, so an estimate never rests on a guess: a board not
    /// in this table has unknown power until the owner gives <c>energy:boardWatts</c>. Raspberry Pi figures are whole-board
    /// draws at the 5 V input (headless, no USB devices); ESP32 figures are the chip alone at 3.3 V from Espressif's
    /// datasheets (a development board's regulator, USB bridge and LEDs add to them). docs/board-power.md lists the same
    /// figures with their sources.
    /// </summary>
    public static class BoardPowerTable
    {
        // Millivolts × milliamps / 1000 = milliwatts; the ESP32 rows are datasheet currents at the 3.3 V supply.
        private const int Esp32SupplyMillivolts = 3300;

        private static readonly BoardPower[] Boards = new BoardPower[]
        {
            // Pidramble power benchmarks (Jeff Geerling, https://www.pidramble.com/wiki/benchmarks/power-consumption):
            // Pi Zero 2 W idle 0.6 W, 400 % CPU load (stress --cpu 4) 3.0 W. CNX Software measured the same idle,
            // 120 mA at 5 V (https://www.cnx-software.com/2021/12/09/raspberry-pi-zero-2-w-power-consumption/).
            new BoardPower("Raspberry Pi Zero 2 W", 600, 3000,
                "Pidramble power benchmarks (pidramble.com/wiki/benchmarks/power-consumption): idle 0.6 W, stress --cpu 4 3.0 W"),

            // Pidramble: Pi 3 B+ idle 350 mA (1.9 W), maximum CPU load 980 mA (5.1 W).
            new BoardPower("Raspberry Pi 3 Model B Plus", 1900, 5100,
                "Pidramble power benchmarks (pidramble.com/wiki/benchmarks/power-consumption): idle 350 mA (1.9 W), 400 % CPU 980 mA (5.1 W)"),

            // Pidramble: Pi 4 B idle 540 mA (2.7 W), 400 % CPU load (stress --cpu 4) 1280 mA (6.4 W).
            new BoardPower("Raspberry Pi 4 Model B", 2700, 6400,
                "Pidramble power benchmarks (pidramble.com/wiki/benchmarks/power-consumption): idle 540 mA (2.7 W), stress --cpu 4 1280 mA (6.4 W)"),

            // Pi 5 idle about 3 W (u-labs.de, "So verbraucht der Raspberry Pi 5 ausgeschaltet…", measured at the input).
            // No stress figure for the Pi 5 Model B itself was found; its SoC (BCM2712, 4 × A76 at 2.4 GHz) measured
            // 8.5 W under stress-ng --matrix 0 on the Compute Module 5 (github.com/geerlingguy/sbc-reviews/issues/58;
            // the Pi 500, the same board in a keyboard: 9 W, issue 60), so the upper figure is that one.
            new BoardPower("Raspberry Pi 5 Model B", 3000, 8500,
                "idle ≈ 3 W (u-labs.de Pi 5 measurement); full load 8.5 W = BCM2712 under stress-ng (Jeff Geerling, sbc-reviews #58, CM5)"),

            // ESP32 Series Datasheet, table "Power Consumption by Power Modes": Modem-sleep (CPU on, radio off between
            // Wi-Fi beacons) at 240 MHz, dual-core: 30 mA to 68 mA.
            new BoardPower("ESP32", Milliwatts(30000), Milliwatts(68000),
                "Espressif ESP32 Series Datasheet, Power Consumption by Power Modes: modem-sleep 240 MHz dual-core 30–68 mA at 3.3 V (chip only)"),

            // ESP32-S3 Series Datasheet, table "Current Consumption in Modem-sleep Mode", 240 MHz, all peripheral clocks
            // off: WAITI (both cores idle) 32.9 mA; dual core running 32-bit data access instructions 66.2 mA.
            new BoardPower("ESP32-S3", Milliwatts(32900), Milliwatts(66200),
                "Espressif ESP32-S3 Series Datasheet, Current Consumption in Modem-sleep Mode: 240 MHz idle 32.9 mA, dual core busy 66.2 mA at 3.3 V (chip only)"),
        };

        /// <summary>Every board in the table, in the order above.</summary>
        public static BoardPower[] All()
        {
            var copy = new BoardPower[Boards.Length];
            for (int i = 0; i < Boards.Length; i++)
            {
                copy[i] = Boards[i];
            }

            return copy;
        }

        /// <summary>
        /// The entry for <paramref name="model"/>: a Linux device-tree model ("Raspberry Pi 4 Model B Rev 1.4") or an
        /// ESP32 chip name ("ESP32", "ESP32-S3"). Null when the board is not in the table (then its power is unknown).
        /// A name matches when it equals the entry or continues after a space, so "Raspberry Pi 3 Model B Rev 1.2"
        /// (no Plus) and "ESP32-C3" do not borrow another board's figures.
        /// </summary>
        public static BoardPower? Find(string? model)
        {
            if (model == null)
            {
                return null;
            }

            for (int i = 0; i < Boards.Length; i++)
            {
                string board = Boards[i].Board;
                if (model == board || model.StartsWith(board + " "))
                {
                    return Boards[i];
                }
            }

            return null;
        }

        /// <summary>Microamps × 3.3 V in milliwatts, rounded.</summary>
        private static int Milliwatts(int microamps)
        {
            return (int)(((long)microamps * Esp32SupplyMillivolts + 500000) / 1000000);
        }
    }
}
