using System;
using IotMinerAgent.Firmware.Text;

namespace IotMinerAgent.Firmware.Json
{
    /// <summary>
    /// Writes one flat JSON object, member by member, the way a device builds its few message kinds without a
    /// serializer. Numbers come in as integers or fixed point, never as double (no FPU on the ESP32).
    /// </summary>
    public sealed class JsonWriter
    {
        private readonly TextBuffer _text = new TextBuffer(256);
        private bool _first = true;

        /// <summary>Starts an object.</summary>
        public JsonWriter()
        {
            _text.Append('{');
        }

        /// <summary>A string member, or null when <paramref name="value"/> is null.</summary>
        public JsonWriter String(string name, string? value)
        {
            Name(name);
            if (value == null)
            {
                _text.Append("null");
            }
            else
            {
                AppendQuoted(_text, value);
            }

            return this;
        }

        /// <summary>An integer member.</summary>
        public JsonWriter Integer(string name, long value)
        {
            Name(name);
            _text.Append(value.ToString());
            return this;
        }

        /// <summary>A number member given in thousandths: 71234 → 71.234, 65000 → 65.</summary>
        public JsonWriter Milli(string name, long thousandths)
        {
            Name(name);
            _text.Append(FixedDecimal.Format(thousandths, 3));
            return this;
        }

        /// <summary>A boolean member.</summary>
        public JsonWriter Boolean(string name, bool value)
        {
            Name(name);
            _text.Append(value ? "true" : "false");
            return this;
        }

        /// <summary>A null member.</summary>
        public JsonWriter Null(string name)
        {
            Name(name);
            _text.Append("null");
            return this;
        }

        /// <summary>A member whose value is already JSON (a number text, an array).</summary>
        public JsonWriter Raw(string name, string json)
        {
            Name(name);
            _text.Append(json);
            return this;
        }

        /// <summary>Closes the object and returns its text.</summary>
        public string Finish()
        {
            _text.Append('}');
            return _text.ToString();
        }

        /// <summary>Appends <paramref name="value"/> as a JSON string with the escapes RFC 8259 §7 requires.</summary>
        public static void AppendQuoted(TextBuffer text, string value)
        {
            text.Append('"');
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c == '"' || c == '\\')
                {
                    text.Append('\\').Append(c);
                }
                else if (c < ' ')
                {
                    text.Append("\\u00").Append(HexDigit(c >> 4)).Append(HexDigit(c & 0xF));
                }
                else
                {
                    text.Append(c);
                }
            }

            text.Append('"');
        }

        private void Name(string name)
        {
            if (!_first)
            {
                _text.Append(',');
            }

            _first = false;
            AppendQuoted(_text, name);
            _text.Append(':');
        }

        private static char HexDigit(int value)
        {
            return "0123456789abcdef"[value];
        }
    }
}
