namespace IotMinerAgent.Hashing.DeviceContract
{
    /// <summary>The owner commands a device takes on <c>cmd/&lt;name&gt;</c> (docs/mqtt.md, "Commands"), in the order the docs list them.</summary>
    public static class CommandNames
    {
        /// <summary><c>cmd/pause</c>: no value.</summary>
        public const string Pause = "pause";

        /// <summary><c>cmd/resume</c>: no value.</summary>
        public const string Resume = "resume";

        /// <summary><c>cmd/mining</c>: <c>ON</c> (resume) or <c>OFF</c> (pause); the Home Assistant switch.</summary>
        public const string Mining = "mining";

        /// <summary><c>cmd/target_temperature</c>: °C.</summary>
        public const string TargetTemperature = "target_temperature";

        /// <summary><c>cmd/max_duty</c>: whole percent.</summary>
        public const string MaxDuty = "max_duty";

        /// <summary><c>cmd/threads</c>: whole number of threads.</summary>
        public const string Threads = "threads";

        /// <summary>Every command name, in the order the docs list them.</summary>
        public static readonly string[] All = { Pause, Resume, Mining, TargetTemperature, MaxDuty, Threads };

        /// <summary>The names for an error text: <c>pause, resume, mining, …</c>.</summary>
        public const string List = Pause + ", " + Resume + ", " + Mining + ", " + TargetTemperature + ", " + MaxDuty + ", " + Threads;

        /// <summary>Payload of <c>cmd/mining</c> that resumes (Home Assistant's <c>payload_on</c>); letter case is ignored.</summary>
        public const string On = "ON";

        /// <summary>Payload of <c>cmd/mining</c> that pauses (Home Assistant's <c>payload_off</c>); letter case is ignored.</summary>
        public const string Off = "OFF";

        /// <summary>True when <paramref name="text"/> is <see cref="On"/>, ignoring ASCII letter case.</summary>
        public static bool IsOn(string? text)
        {
            return AsciiCase.Equal(text, On);
        }

        /// <summary>True when <paramref name="text"/> is <see cref="Off"/>, ignoring ASCII letter case.</summary>
        public static bool IsOff(string? text)
        {
            return AsciiCase.Equal(text, Off);
        }

        /// <summary>True when <paramref name="name"/> is one of <see cref="All"/> (exact, as topic levels are case-sensitive).</summary>
        public static bool IsKnown(string name)
        {
            for (int i = 0; i < All.Length; i++)
            {
                if (All[i] == name)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
