using System;
using System.Collections;
using IotMinerAgent.Firmware.Text;

namespace IotMinerAgent.Firmware.Json
{
    /// <summary>
    /// A small strict JSON parser (RFC 8259) for the device's configuration file: nanoFramework has no System.Text.Json,
    /// and the file is a few hundred bytes. Numbers stay text (the callers convert them to fixed point, the ESP32 has no
    /// double FPU); duplicate names are refused, since a second "password" silently winning is a typo the owner should see.
    /// </summary>
    public sealed class JsonReader
    {
        private const int MaxDepth = 16;

        private readonly string _text;
        private int _position;

        private JsonReader(string text)
        {
            _text = text;
        }

        /// <summary>Parses one JSON document.</summary>
        /// <exception cref="JsonSyntaxException">When the text is not JSON; the message names line, column and what was expected.</exception>
        public static JsonValue Parse(string text)
        {
            if (text == null)
            {
                throw new ArgumentNullException("text");
            }

            JsonReader reader = new JsonReader(text);
            reader.SkipWhitespace();
            if (reader._position < text.Length && text[reader._position] == '\uFEFF')
            {
                // A UTF-8 byte order mark some editors write (RFC 8259 §8.1 lets parsers ignore it).
                reader._position++;
            }

            JsonValue value = reader.ReadValue(0);
            reader.SkipWhitespace();
            if (reader._position < text.Length)
            {
                throw reader.Error("end of the document after the top-level value");
            }

            return value;
        }

        private JsonValue ReadValue(int depth)
        {
            SkipWhitespace();
            if (_position >= _text.Length)
            {
                throw Error("a value");
            }

            char c = _text[_position];
            if (c == '{')
            {
                return ReadObject(depth + 1);
            }

            if (c == '[')
            {
                return ReadArray(depth + 1);
            }

            if (c == '"')
            {
                return JsonValue.FromString(ReadString());
            }

            if (c == '-' || (c >= '0' && c <= '9'))
            {
                return JsonValue.FromNumberText(ReadNumber());
            }

            if (TryLiteral("true"))
            {
                return JsonValue.FromBoolean(true);
            }

            if (TryLiteral("false"))
            {
                return JsonValue.FromBoolean(false);
            }

            if (TryLiteral("null"))
            {
                return JsonValue.Null();
            }

            throw Error("a value (object, array, string, number, true, false or null)");
        }

        private JsonValue ReadObject(int depth)
        {
            CheckDepth(depth);
            _position++;
            ArrayList names = new ArrayList();
            ArrayList values = new ArrayList();
            SkipWhitespace();
            if (Peek() == '}')
            {
                _position++;
                return JsonValue.FromMembers(new string[0], new JsonValue[0]);
            }

            while (true)
            {
                SkipWhitespace();
                if (Peek() != '"')
                {
                    throw Error("a member name in double quotes");
                }

                int nameStart = _position;
                string name = ReadString();
                if (names.Contains(name))
                {
                    _position = nameStart;
                    throw Error("a new name, not a second \"" + name + "\"");
                }

                SkipWhitespace();
                Expect(':');
                names.Add(name);
                values.Add(ReadValue(depth));
                SkipWhitespace();
                if (Peek() == ',')
                {
                    _position++;
                    continue;
                }

                Expect('}');
                return JsonValue.FromMembers(ToStrings(names), ToValues(values));
            }
        }

        private JsonValue ReadArray(int depth)
        {
            CheckDepth(depth);
            _position++;
            ArrayList items = new ArrayList();
            SkipWhitespace();
            if (Peek() == ']')
            {
                _position++;
                return JsonValue.FromItems(new JsonValue[0]);
            }

            while (true)
            {
                items.Add(ReadValue(depth));
                SkipWhitespace();
                if (Peek() == ',')
                {
                    _position++;
                    continue;
                }

                Expect(']');
                return JsonValue.FromItems(ToValues(items));
            }
        }

        private string ReadString()
        {
            _position++;
            TextBuffer text = new TextBuffer(32);
            while (_position < _text.Length)
            {
                char c = _text[_position++];
                if (c == '"')
                {
                    return text.ToString();
                }

                if (c < ' ')
                {
                    _position--;
                    throw Error("the rest of the string (control characters must be escaped, e.g. \\n)");
                }

                text.Append(c == '\\' ? ReadEscape() : c);
            }

            throw Error("the closing '\"' of the string");
        }

        private char ReadEscape()
        {
            char c = Peek();
            _position++;
            switch (c)
            {
                case '"':
                    return '"';
                case '\\':
                    return '\\';
                case '/':
                    return '/';
                case 'b':
                    return '\b';
                case 'f':
                    return '\f';
                case 'n':
                    return '\n';
                case 'r':
                    return '\r';
                case 't':
                    return '\t';
                case 'u':
                    return ReadUnicodeEscape();
                default:
                    _position--;
                    throw Error("an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)");
            }
        }

        private char ReadUnicodeEscape()
        {
            int code = 0;
            for (int i = 0; i < 4; i++)
            {
                char c = Peek();
                int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
                if (digit < 0)
                {
                    throw Error("four hex digits after \\u");
                }

                code = (code << 4) | digit;
                _position++;
            }

            return (char)code;
        }

        private string ReadNumber()
        {
            // RFC 8259 §6: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
            int start = _position;
            if (Peek() == '-')
            {
                _position++;
            }

            if (Peek() == '0')
            {
                _position++;
            }
            else if (!ReadDigits())
            {
                throw Error("a digit");
            }

            if (Peek() == '.')
            {
                _position++;
                if (!ReadDigits())
                {
                    throw Error("a digit after the decimal point");
                }
            }

            if (Peek() == 'e' || Peek() == 'E')
            {
                _position++;
                if (Peek() == '+' || Peek() == '-')
                {
                    _position++;
                }

                if (!ReadDigits())
                {
                    throw Error("a digit in the exponent");
                }
            }

            return _text.Substring(start, _position - start);
        }

        private bool ReadDigits()
        {
            int start = _position;
            while (Peek() >= '0' && Peek() <= '9')
            {
                _position++;
            }

            return _position > start;
        }

        private bool TryLiteral(string literal)
        {
            if (_position + literal.Length > _text.Length || _text.Substring(_position, literal.Length) != literal)
            {
                return false;
            }

            _position += literal.Length;
            return true;
        }

        private void Expect(char c)
        {
            if (Peek() != c)
            {
                throw Error("'" + c + "'");
            }

            _position++;
        }

        private char Peek()
        {
            return _position < _text.Length ? _text[_position] : '\0';
        }

        private void SkipWhitespace()
        {
            while (_position < _text.Length)
            {
                char c = _text[_position];
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                {
                    return;
                }

                _position++;
            }
        }

        private void CheckDepth(int depth)
        {
            if (depth > MaxDepth)
            {
                throw Error("at most " + MaxDepth.ToString() + " nested objects and arrays");
            }
        }

        private JsonSyntaxException Error(string expected)
        {
            int line = 1;
            int column = 1;
            for (int i = 0; i < _position && i < _text.Length; i++)
            {
                if (_text[i] == '\n')
                {
                    line++;
                    column = 1;
                }
                else
                {
                    column++;
                }
            }

            string found = _position < _text.Length ? "'" + _text[_position] + "'" : "the end of the text";
            return new JsonSyntaxException("not valid JSON at line " + line.ToString() + ", column " + column.ToString() +
                ": expected " + expected + ", found " + found + ".");
        }

        private static string[] ToStrings(ArrayList list)
        {
            string[] array = new string[list.Count];
            for (int i = 0; i < array.Length; i++)
            {
                array[i] = (string)list[i]!;
            }

            return array;
        }

        private static JsonValue[] ToValues(ArrayList list)
        {
            JsonValue[] array = new JsonValue[list.Count];
            for (int i = 0; i < array.Length; i++)
            {
                array[i] = (JsonValue)list[i]!;
            }

            return array;
        }
    }
}
