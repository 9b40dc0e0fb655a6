using System;

namespace IotMinerAgent.Firmware.Config
{
    /// <summary>The configuration file cannot be used; <see cref="Errors"/> lists every problem, each naming the key and the fix.</summary>
    public sealed class FirmwareConfigException : Exception
    {
        private readonly string[] _errors;

        /// <summary>Creates the exception from one line per problem.</summary>
        public FirmwareConfigException(string[] errors)
            : base(Join(errors))
        {
            _errors = errors;
        }

        /// <summary>One line per problem.</summary>
        public string[] Errors
        {
            get { return _errors; }
        }

        private static string Join(string[] errors)
        {
            string text = FirmwareConfig.ConfigPath + " is not usable (" + errors.Length.ToString() + " problem" + (errors.Length == 1 ? "" : "s") + "):";
            for (int i = 0; i < errors.Length; i++)
            {
                text += "\n  " + errors[i];
            }

            return text;
        }
    }
}
