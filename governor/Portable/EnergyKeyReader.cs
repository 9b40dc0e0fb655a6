using System;

namespace IotMinerAgent.Governor
{
    /// <summary>
    /// Reads the <c>energy</c> keys one by one and collects one message per problem (key, value, what is allowed); an
    /// absent or blank key keeps its default. The messages are the Linux agent's and the ESP32's alike.
    /// </summary>
    internal sealed class EnergyKeyReader
    {
        private readonly IEnergyKeyValues _keys;
        private readonly PolicyErrors _errors = new PolicyErrors();

        public EnergyKeyReader(IEnergyKeyValues keys)
        {
            _keys = keys;
        }

        public string[] Errors()
        {
            return _errors.ToArray();
        }

        /// <summary>The trimmed value of <c>energy:</c><paramref name="name"/>, or null when absent or blank.</summary>
        public string? Text(string name)
        {
            string? value = _keys.Value(EnergySettings.Prefix + name);
            if (value == null)
            {
                return null;
            }

            string trimmed = value.Trim();
            return trimmed.Length == 0 ? null : trimmed;
        }

        public EnergyMode Mode()
        {
            string? text = Text("mode");
            string lower = text == null ? "always" : Lower(text);
            if (lower == "always")
            {
                return EnergyMode.Always;
            }

            if (lower == "profitable")
            {
                return EnergyMode.Profitable;
            }

            if (lower == "surplus")
            {
                return EnergyMode.Surplus;
            }

            if (lower == "budget")
            {
                return EnergyMode.Budget;
            }

            Invalid("mode", text!, "always, profitable, surplus or budget");
            return EnergyMode.Always;
        }

        public UnknownEnergyAction UnknownAction()
        {
            string? text = Text("unknownAction");
            string lower = text == null ? "pause" : Lower(text);
            if (lower == "pause")
            {
                return UnknownEnergyAction.Pause;
            }

            if (lower == "mine")
            {
                return UnknownEnergyAction.Mine;
            }

            Invalid("unknownAction", text!, "pause or mine");
            return UnknownEnergyAction.Pause;
        }

        /// <summary>A decimal kept in fixed point (× 10^decimals) within [min, max] in the owner's units; 0 when absent or wrong.</summary>
        public long Fixed(string name, int decimals, long min, long max, string allowed)
        {
            string? value = Text(name);
            if (value == null)
            {
                return 0;
            }

            long scale = 1;
            for (int i = 0; i < decimals; i++)
            {
                scale *= 10;
            }

            long parsed;
            if (DecimalText.TryParse(value, decimals, out parsed) && parsed >= min * scale && parsed <= max * scale)
            {
                return parsed;
            }

            Invalid(name, value, allowed);
            return 0;
        }

        /// <summary>A whole number within [min, max]; <paramref name="fallback"/> when absent or wrong.</summary>
        public int Whole(string name, int fallback, int min, int max)
        {
            string? value = Text(name);
            if (value == null)
            {
                return fallback;
            }

            long parsed;
            if (value.IndexOf('.') < 0 && DecimalText.TryParse(value, 0, out parsed) && parsed >= min && parsed <= max)
            {
                return (int)parsed;
            }

            Invalid(name, value, "a whole number from " + min.ToString() + " to " + max.ToString());
            return fallback;
        }

        public TariffPeriod[] Tariff()
        {
            string? text = Text("tariff");
            if (text == null)
            {
                return new TariffPeriod[0];
            }

            string[] entries = text.Split(',');
            TariffPeriod[] found = new TariffPeriod[entries.Length];
            int count = 0;
            for (int i = 0; i < entries.Length; i++)
            {
                string entry = entries[i].Trim();
                if (entry.Length == 0)
                {
                    continue;
                }

                TariffPeriod period;
                if (TariffPeriod.TryParse(entry, out period) && period.Window.IsValid)
                {
                    found[count++] = period;
                }
                else
                {
                    _errors.Add(EnergySettings.Prefix + "tariff entry '" + entry + "' is invalid; allowed: HH:MM-HH:MM=price on a 24-hour clock, " +
                        "entries separated by commas, e.g. 07:00-22:00=0.41,22:00-07:00=0.19");
                }
            }

            TariffPeriod[] periods = new TariffPeriod[count];
            Array.Copy(found, periods, count);
            return periods;
        }

        public string? Topic(string name)
        {
            string? value = Text(name);
            // MQTT 3.1.1 §4.7: '+' and '#' are wildcards, not allowed in a topic name; a name is at most 65535 bytes.
            if (value != null && (value.IndexOf('#') >= 0 || value.IndexOf('+') >= 0 || value.Length > 1024))
            {
                Invalid(name, value, "one MQTT topic name without the wildcards '+' and '#', e.g. homeassistant/sensor/electricity_price/state");
                return null;
            }

            return value;
        }

        /// <summary><c>energy:currency</c>: an ISO 4217 alphabetic code (three capital letters); null when not set or invalid.</summary>
        public string? Currency()
        {
            string? value = Text("currency");
            if (value != null && !IsIsoCurrencyCode(value))
            {
                Invalid("currency", value, "an ISO 4217 currency code, three capital letters, e.g. EUR, USD, GBP or CHF");
                return null;
            }

            return value;
        }

        private static bool IsIsoCurrencyCode(string value)
        {
            if (value.Length != 3)
            {
                return false;
            }

            for (int i = 0; i < 3; i++)
            {
                if (value[i] < 'A' || value[i] > 'Z')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary><c>energy:boardWatts</c> and <c>energy:idleWatts</c> (watts with up to three decimals) into <paramref name="settings"/>.</summary>
        public void Watts(EnergySettings settings)
        {
            string max = EnergySettings.MaxWatts.ToString();
            string? board = Text("boardWatts");
            long boardMilliW = 0;
            if (board != null && (!DecimalText.TryParse(board, 3, out boardMilliW) || boardMilliW <= 0 || boardMilliW > EnergySettings.MaxWatts * 1000L))
            {
                _errors.Add(EnergySettings.Prefix + "boardWatts = " + board + " is out of range: use watts above 0 and up to " + max +
                    " (the board's draw while mining on all cores), or leave it empty for the board table.");
                board = null;
            }

            string? idle = Text("idleWatts");
            long idleMilliW = 0;
            if (idle != null && (!DecimalText.TryParse(idle, 3, out idleMilliW) || idleMilliW < 0 || idleMilliW > EnergySettings.MaxWatts * 1000L))
            {
                _errors.Add(EnergySettings.Prefix + "idleWatts = " + idle + " is out of range: use watts from 0 to " + max +
                    " (the board's draw when not mining), or leave it empty for the board table.");
                idle = null;
            }
            else if (idle != null && board != null && idleMilliW > boardMilliW)
            {
                _errors.Add(EnergySettings.Prefix + "idleWatts = " + idle + " is above " + EnergySettings.Prefix + "boardWatts = " + board +
                    ": the idle draw must be at most the draw while mining.");
            }

            settings.HasBoardWatts = board != null;
            settings.BoardMilliW = (int)boardMilliW;
            settings.HasIdleWatts = idle != null;
            settings.IdleMilliW = (int)idleMilliW;
        }

        public void CheckCombination(EnergySettings settings, string? noBroker)
        {
            string p = EnergySettings.Prefix;
            if (settings.Mode == EnergyMode.Surplus && settings.SurplusTopic == null)
            {
                _errors.Add(p + "mode = surplus needs " + p + "surplusTopic (an MQTT topic carrying exported watts, positive = exporting)");
            }

            if (noBroker != null && settings.Topics().Length > 0)
            {
                string key = settings.PriceTopic != null ? "priceTopic" : settings.CoinPriceTopic != null ? "coinPriceTopic" : settings.SurplusTopic != null ? "surplusTopic" : "powerTopic";
                _errors.Add(p + key + " is set but " + noBroker);
            }
        }

        private void Invalid(string name, string value, string allowed)
        {
            _errors.Add(EnergySettings.Prefix + name + " = '" + value + "' is invalid; allowed: " + allowed);
        }

        // ASCII only: the allowed words are ASCII, and nanoFramework has no culture-aware lowering.
        private static string Lower(string text)
        {
            char[] chars = text.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                if (chars[i] >= 'A' && chars[i] <= 'Z')
                {
                    chars[i] = (char)(chars[i] + ('a' - 'A'));
                }
            }

            return new string(chars);
        }
    }
}
