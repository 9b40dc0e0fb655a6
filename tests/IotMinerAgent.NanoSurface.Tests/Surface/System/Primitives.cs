// Model of nanoFramework.CoreLibrary 1.x (mscorlib) System/Boolean.cs .. UInt64.cs, Single.cs, Double.cs: the numeric
// types have MinValue/MaxValue, ToString(), ToString(format) (standard formats D, F, G, N, X only), Parse and TryParse,
// and no IComparable/IFormattable/IEquatable. There is no System.Decimal type usable on the device (the metadata
// processor excludes it from the image), so it is left out. Char has instance ToLower/ToUpper only.
#pragma warning disable CS0169 // the runtime owns the m_value fields
namespace System
{
    public struct Boolean
    {
        private bool m_value;

        public static readonly string FalseString = "False";
        public static readonly string TrueString = "True";

        public override string ToString() => throw null;
    }

    public struct Char
    {
        private char m_value;

        public const char MaxValue = (char)0xFFFF;
        public const char MinValue = (char)0x00;

        public override string ToString() => throw null;

        public char ToLower() => throw null;

        public char ToUpper() => throw null;
    }

    public struct SByte
    {
        private sbyte m_value;

        public const sbyte MaxValue = 127;
        public const sbyte MinValue = -128;

        public override string ToString() => throw null;

        public string ToString(string format) => throw null;

        public static sbyte Parse(string s) => throw null;

        public static bool TryParse(string s, out sbyte result) => throw null;
    }

    public struct Byte
    {
        private byte m_value;

        public const byte MaxValue = 0xFF;
        public const byte MinValue = 0;

        public override string ToString() => throw null;

        public string ToString(string format) => throw null;

        public static byte Parse(string s) => throw null;

        public static bool TryParse(string s, out byte result) => throw null;
    }

    public struct Int16
    {
        private short m_value;

        public const short MaxValue = 0x7FFF;
        public const short MinValue = unchecked((short)0x8000);

        public override string ToString() => throw null;

        public string ToString(string format) => throw null;

        public static short Parse(string s) => throw null;

        public static bool TryParse(string s, out short result) => throw null;
    }

    public struct UInt16
    {
        private ushort m_value;

        public const ushort MaxValue = 0xFFFF;
        public const ushort MinValue = 0;

        public override string ToString() => throw null;

        public string ToString(string format) => throw null;

        public static ushort Parse(string s) => throw null;

        public static bool TryParse(string s, out ushort result) => throw null;
    }

    public struct Int32
    {
        private int m_value;

        public const int MaxValue = 0x7FFFFFFF;
        public const int MinValue = unchecked((int)0x80000000);

        public override string ToString() => throw null;

        public string ToString(string format) => throw null;

        public static int Parse(string s) => throw null;

        public static bool TryParse(string s, out int result) => throw null;
    }

    public struct UInt32
    {
        private uint m_value;

        public const uint MaxValue = 0xFFFFFFFF;
        public const uint MinValue = 0U;

        public override string ToString() => throw null;

        public string ToString(string format) => throw null;

        public static uint Parse(string s) => throw null;

        public static bool TryParse(string s, out uint result) => throw null;
    }

    public struct Int64
    {
        private long m_value;

        public const long MaxValue = 0x7FFFFFFFFFFFFFFFL;
        public const long MinValue = unchecked((long)0x8000000000000000L);

        public override string ToString() => throw null;

        public string ToString(string format) => throw null;

        public static long Parse(string s) => throw null;

        public static bool TryParse(string s, out long result) => throw null;
    }

    public struct UInt64
    {
        private ulong m_value;

        public const ulong MaxValue = 0xFFFFFFFFFFFFFFFFUL;
        public const ulong MinValue = 0UL;

        public override string ToString() => throw null;

        public string ToString(string format) => throw null;

        public static ulong Parse(string s) => throw null;

        public static bool TryParse(string s, out ulong result) => throw null;
    }

    public struct Single
    {
        private float m_value;

        public const float MinValue = -3.40282346638528859e+38f;
        public const float MaxValue = 3.40282346638528859e+38f;
        public const float Epsilon = 1.4e-45f;
        public const float NegativeInfinity = -1.0f / 0.0f;
        public const float PositiveInfinity = 1.0f / 0.0f;
        public const float NaN = 0.0f / 0.0f;

        public static bool IsInfinity(float f) => throw null;

        public static bool IsNaN(float f) => throw null;

        public static bool IsNegativeInfinity(float f) => throw null;

        public static bool IsPositiveInfinity(float f) => throw null;

        public override string ToString() => throw null;

        public string ToString(string format) => throw null;

        public static float Parse(string s) => throw null;

        public static bool TryParse(string s, out float result) => throw null;
    }

    public struct Double
    {
        private double m_value;

        public const double MinValue = -1.7976931348623157E+308;
        public const double MaxValue = 1.7976931348623157E+308;
        public const double Epsilon = 4.9406564584124654E-324;
        public const double NegativeInfinity = -1.0 / 0.0;
        public const double PositiveInfinity = 1.0 / 0.0;
        public const double NaN = 0.0 / 0.0;

        public static bool IsInfinity(double d) => throw null;

        public static bool IsNaN(double d) => throw null;

        public static bool IsNegativeInfinity(double d) => throw null;

        public static bool IsPositiveInfinity(double d) => throw null;

        public override string ToString() => throw null;

        public string ToString(string format) => throw null;

        public static double Parse(string s) => throw null;

        public static bool TryParse(string s, out double result) => throw null;
    }
}
