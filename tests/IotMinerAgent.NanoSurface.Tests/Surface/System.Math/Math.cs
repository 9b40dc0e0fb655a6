// Model of the nanoFramework.System.Math package, assembly System.Math (https://github.com/nanoframework/System.Math,
// tag v1.5.116, System/Math.cs; its public API is Baselines/System.Math.1.5.116.txt). A subset: Abs, Min and Max for
// int, float and double; the transcendental functions take and return double only (the real library has no float
// Sin, Sqrt, Pow...; float only for Abs, Max, Min, Clamp and Sign). Doubles are software-emulated on the ESP32: keep
// them out of hot code. Portable code cannot use this assembly at all (mscorlib only); firmware/Nano can.
namespace System
{
    public static class Math
    {
        public const double PI = 3.14159265358979323846;

        public const double E = 2.7182818284590452354;

        public static int Abs(int val) => throw null;

        public static double Abs(double val) => throw null;

        public static float Abs(float val) => throw null;

        public static int Max(int val1, int val2) => throw null;

        public static double Max(double x, double y) => throw null;

        public static float Max(float x, float y) => throw null;

        public static int Min(int val1, int val2) => throw null;

        public static double Min(double x, double y) => throw null;

        public static float Min(float x, float y) => throw null;

        public static double Atan2(double y, double x) => throw null;

        public static double IEEERemainder(double x, double y) => throw null;

        public static double Pow(double x, double y) => throw null;

        public static int Sign(double value) => throw null;

        public static int Sign(float value) => throw null;

        public static double Acos(double d) => throw null;

        public static double Asin(double d) => throw null;

        public static double Atan(double d) => throw null;

        public static double Ceiling(double d) => throw null;

        public static double Cos(double d) => throw null;

        public static double Cosh(double d) => throw null;

        public static double Exp(double d) => throw null;

        public static double Floor(double d) => throw null;

        public static double Log(double d) => throw null;

        public static double Log10(double d) => throw null;

        public static double Round(double d) => throw null;

        public static double Sin(double d) => throw null;

        public static double Sinh(double d) => throw null;

        public static double Sqrt(double d) => throw null;

        public static double Tan(double d) => throw null;

        public static double Tanh(double d) => throw null;

        public static double Truncate(double d) => throw null;

    }
}
