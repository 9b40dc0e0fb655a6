// Model of the nanoFramework.System.Device.Adc package, assembly System.Device.Adc
// (https://github.com/nanoframework/System.Device.Adc, tag v1.1.24; Baselines/System.Device.Adc.1.1.24.txt):
// OpenChannel and ReadValue live on the abstract bases, as in the real library.
namespace System.Device.Adc
{
    public abstract class AdcControllerBase
    {
        public virtual AdcChannel OpenChannel(int channelNumber) => throw null;
    }

    public class AdcController : AdcControllerBase
    {
        public AdcController() => throw null;
    }

    public abstract class AdcChannelBase
    {
        public virtual int ReadValue() => throw null;
    }

    public class AdcChannel : AdcChannelBase
    {
        internal AdcChannel() => throw null;
    }
}
