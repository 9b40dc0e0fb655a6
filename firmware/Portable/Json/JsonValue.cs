using System;

namespace IotMinerAgent.Firmware.Json
{
    /// <summary>
    /// One parsed JSON value. Objects keep their members in file order as two parallel arrays (nanoFramework has no
    /// Dictionary&lt;,&gt;, and a configuration file has a dozen keys, so a linear search is the right tool).
    /// </summary>
    public sealed class JsonValue
    {
        private readonly JsonKind _kind;
        private readonly string _text;
        private readonly bool _boolean;
        private readonly string[] _names;
        private readonly JsonValue[] _items;

        private JsonValue(JsonKind kind, string text, bool boolean, string[] names, JsonValue[] items)
        {
            _kind = kind;
            _text = text;
            _boolean = boolean;
            _names = names;
            _items = items;
        }

        /// <summary>A string value.</summary>
        public static JsonValue FromString(string text)
        {
            return new JsonValue(JsonKind.String, text, false, new string[0], new JsonValue[0]);
        }

        /// <summary>A number value from its JSON text (already checked by the reader).</summary>
        public static JsonValue FromNumberText(string text)
        {
            return new JsonValue(JsonKind.Number, text, false, new string[0], new JsonValue[0]);
        }

        /// <summary>true or false.</summary>
        public static JsonValue FromBoolean(bool value)
        {
            return new JsonValue(JsonKind.Boolean, value ? "true" : "false", value, new string[0], new JsonValue[0]);
        }

        /// <summary>null.</summary>
        public static JsonValue Null()
        {
            return new JsonValue(JsonKind.Null, "null", false, new string[0], new JsonValue[0]);
        }

        /// <summary>An object with members <paramref name="names"/>[i] = <paramref name="values"/>[i].</summary>
        public static JsonValue FromMembers(string[] names, JsonValue[] values)
        {
            return new JsonValue(JsonKind.Object, string.Empty, false, names, values);
        }

        /// <summary>An array.</summary>
        public static JsonValue FromItems(JsonValue[] items)
        {
            return new JsonValue(JsonKind.Array, string.Empty, false, new string[0], items);
        }

        /// <summary>What kind of value this is.</summary>
        public JsonKind Kind
        {
            get { return _kind; }
        }

        /// <summary>The string's text, or a number's JSON text.</summary>
        public string Text
        {
            get { return _text; }
        }

        /// <summary>The value of a boolean.</summary>
        public bool Boolean
        {
            get { return _boolean; }
        }

        /// <summary>Member names of an object, in file order (empty for other kinds).</summary>
        public string[] Names
        {
            get { return _names; }
        }

        /// <summary>Number of array items or object members.</summary>
        public int Count
        {
            get { return _items.Length; }
        }

        /// <summary>Array item or object member value at <paramref name="index"/>.</summary>
        public JsonValue this[int index]
        {
            get { return _items[index]; }
        }

        /// <summary>The member named <paramref name="name"/>, or null when an object lacks it (or this is no object).</summary>
        public JsonValue? Member(string name)
        {
            for (int i = 0; i < _names.Length; i++)
            {
                if (_names[i] == name)
                {
                    return _items[i];
                }
            }

            return null;
        }

        /// <summary>The kind as it reads in an error message ("a string", "an object", ...).</summary>
        public static string Describe(JsonKind kind)
        {
            switch (kind)
            {
                case JsonKind.Object:
                    return "an object";
                case JsonKind.Array:
                    return "an array";
                case JsonKind.String:
                    return "a string";
                case JsonKind.Number:
                    return "a number";
                case JsonKind.Boolean:
                    return "true/false";
                default:
                    return "null";
            }
        }
    }
}
