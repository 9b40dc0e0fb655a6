using System;

namespace IotMinerAgent.Governor
{
    /// <summary>
    /// One entry of a time-of-use tariff (key <c>energy:tariff</c>, e.g. <c>07:00-22:00=0.41,22:00-07:00=0.19</c>):
    /// a daily window and the energy price inside it, in nano-units of the currency per kWh.
    /// </summary>
    public sealed class TariffPeriod
    {
        /// <summary>Nano-units in one unit of the currency: prices keep nine decimals.</summary>
        public const long NanoPerUnit = 1000000000L;

        private readonly ScheduleWindow _window;
        private readonly long _priceNanoPerKwh;

        /// <summary>Creates a period; the window's validity is checked by <see cref="EnergyPolicy.Validate"/>.</summary>
        public TariffPeriod(ScheduleWindow window, long priceNanoPerKwh)
        {
            _window = window;
            _priceNanoPerKwh = priceNanoPerKwh;
        }

        /// <summary>When the price applies.</summary>
        public ScheduleWindow Window
        {
            get { return _window; }
        }

        /// <summary>The price in nano-units of the currency per kWh (may be negative: some dynamic tariffs pay for use).</summary>
        public long PriceNanoPerKwh
        {
            get { return _priceNanoPerKwh; }
        }

        /// <summary>Parses "HH:MM-HH:MM=price" (24-hour clock, price with '.' as decimal point, e.g. "22:00-07:00=0.19").</summary>
        /// <returns>False when the text is not in that form.</returns>
        public static bool TryParse(string text, out TariffPeriod period)
        {
            period = new TariffPeriod(new ScheduleWindow(0, 0), 0);
            if (text == null)
            {
                return false;
            }

            int equals = text.IndexOf('=');
            ScheduleWindow window;
            long price;
            if (equals < 0 || !ScheduleWindow.TryParse(text.Substring(0, equals), out window) ||
                !DecimalText.TryParse(text.Substring(equals + 1), 9, out price))
            {
                return false;
            }

            period = new TariffPeriod(window, price);
            return true;
        }

        /// <summary>The period as "HH:MM-HH:MM=price".</summary>
        public override string ToString()
        {
            return _window.ToString() + "=" + DecimalText.Format(_priceNanoPerKwh, NanoPerUnit);
        }
    }
}
