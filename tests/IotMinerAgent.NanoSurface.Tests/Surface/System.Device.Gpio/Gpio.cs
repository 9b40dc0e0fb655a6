// Model of the nanoFramework.System.Device.Gpio package, assembly System.Device.Gpio
// (https://github.com/nanoframework/System.Device.Gpio, tag v1.1.57; Baselines/System.Device.Gpio.1.1.57.txt): what
// the SmartLamp sample drives its LED and reads its button with.
namespace System.Device.Gpio
{
    public enum PinMode
    {
        Input,
        Output,
        InputPullDown,
        InputPullUp,
    }

    public struct PinValue
    {
        public static PinValue Low => throw null;

        public static PinValue High => throw null;

        public static bool operator ==(PinValue a, PinValue b) => throw null;

        public static bool operator !=(PinValue a, PinValue b) => throw null;

        public override bool Equals(object obj) => throw null;

        public override int GetHashCode() => throw null;
    }

    public class GpioController
    {
        public GpioController() => throw null;

        public GpioPin OpenPin(int pinNumber, PinMode mode) => throw null;
    }

    public class GpioPin
    {
        internal GpioPin() => throw null;

        public PinValue Read() => throw null;

        public void Write(PinValue value) => throw null;
    }
}
