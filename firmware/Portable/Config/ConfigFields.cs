using System;
using System.Collections;
using IotMinerAgent.Firmware.Json;

namespace IotMinerAgent.Firmware.Config
{
    /// <summary>
    /// Reads typed values out of the parsed configuration and collects one message per problem (key, value, what is
    /// allowed), so the owner fixes the file once instead of once per boot. Secrets are never echoed.
    /// </summary>
    internal sealed class ConfigFields
    {
        private readonly ArrayList _errors = new ArrayList();

        /// <summary>Every problem found so far.</summary>
        public string[] Errors()
        {
            string[] errors = new string[_errors.Count];
            for (int i = 0; i < errors.Length; i++)
            {
                errors[i] = (string)_errors[i]!;
            }

            return errors;
        }

        /// <summary>Adds a problem.</summary>
        public void Add(string message)
        {
            _errors.Add(message);
        }

        /// <summary>The object <paramref name="name"/> of <paramref name="root"/>, or null (with an error when it is no object).</summary>
        public JsonValue? Section(JsonValue root, string name, string[] keys)
        {
            JsonValue? section = root.Member(name);
            if (section == null)
            {
                return null;
            }

            if (section.Kind != JsonKind.Object)
            {
                Add(name + " is " + JsonValue.Describe(section.Kind) + ": it must be an object, e.g. \"" + name + "\": { ... }.");
                return null;
            }

            CheckKnown(section, name + ".", keys);
            return section;
        }

        /// <summary>Refuses names not in <paramref name="keys"/>: a typo must not leave a default silently in force.</summary>
        public void CheckKnown(JsonValue section, string prefix, string[] keys)
        {
            for (int i = 0; i < section.Names.Length; i++)
            {
                string name = section.Names[i];
                bool known = false;
                for (int k = 0; k < keys.Length; k++)
                {
                    known |= keys[k] == name;
                }

                if (!known)
                {
                    Add(prefix + name + " is not a known key: remove it or fix the spelling; allowed here: " + List(prefix, keys) + ".");
                }
            }
        }

        /// <summary>A string value; <paramref name="fallback"/> when absent (an error when <paramref name="required"/>).</summary>
        public string Text(JsonValue? section, string prefix, string name, bool required, string fallback, string hint)
        {
            JsonValue? value = section == null ? null : section.Member(name);
            if (value == null)
            {
                if (required)
                {
                    Add(prefix + name + " is missing: " + hint);
                }

                return fallback;
            }

            if (value.Kind != JsonKind.String)
            {
                Add(prefix + name + " is " + JsonValue.Describe(value.Kind) + ": it must be a string in double quotes; " + hint);
                return fallback;
            }

            return value.Text;
        }

        /// <summary>true/false; <paramref name="fallback"/> when absent.</summary>
        public bool Boolean(JsonValue? section, string prefix, string name, bool fallback)
        {
            JsonValue? value = section == null ? null : section.Member(name);
            if (value == null)
            {
                return fallback;
            }

            if (value.Kind != JsonKind.Boolean)
            {
                Add(prefix + name + " is " + JsonValue.Describe(value.Kind) + ": write true or false (without quotes).");
                return fallback;
            }

            return value.Boolean;
        }

        /// <summary>
        /// A number scaled by 10^<paramref name="decimals"/> within [<paramref name="min"/>, <paramref name="max"/>]
        /// (also scaled); <paramref name="fallback"/> when absent or wrong.
        /// </summary>
        public long Number(JsonValue? section, string prefix, string name, int decimals, long min, long max, long fallback, string unit)
        {
            JsonValue? value = section == null ? null : section.Member(name);
            if (value == null)
            {
                return fallback;
            }

            string range = FixedDecimal.Format(min, decimals) + " to " + FixedDecimal.Format(max, decimals) + unit;
            long scaled;
            if (value.Kind != JsonKind.Number || !FixedDecimal.TryParse(value.Text, decimals, out scaled))
            {
                string shown = value.Kind == JsonKind.Number ? value.Text : JsonValue.Describe(value.Kind);
                Add(prefix + name + " = " + shown + " is not a plain decimal number (no quotes, no exponent): allowed " + range + ".");
                return fallback;
            }

            if (scaled < min || scaled > max)
            {
                Add(prefix + name + " = " + value.Text + unit + " is out of range: allowed " + range + ".");
                return fallback;
            }

            if (decimals == 0 && value.Text.IndexOf('.') >= 0)
            {
                Add(prefix + name + " = " + value.Text + " must be a whole number: allowed " + range + ".");
                return fallback;
            }

            return scaled;
        }

        private static string List(string prefix, string[] keys)
        {
            string text = string.Empty;
            for (int i = 0; i < keys.Length; i++)
            {
                text += (i == 0 ? string.Empty : ", ") + prefix + keys[i];
            }

            return text;
        }
    }
}
