using IotMinerAgent.Firmware.Hardware;
using IotMinerAgent.Firmware.Mining;
using IotMinerAgent.Hashing;
using IotMinerAgent.Hashing.DeviceWork;
using IotMinerAgent.Native;

namespace IotMinerAgent.Firmware.Nano.Native
{
    /// <summary>
    /// sha256d and DUCO-S1 through the native kernels of firmware/Native (<see cref="NativeScanner"/>): the ESP32's SHA peripheral
    /// or the C software kernel, whichever the library's own self-test chose. Compiled only in the native build
    /// (<c>-p:IotMinerNative=true</c>) for a custom nanoCLR image; <see cref="SliceEngineChoice"/> still self-tests it
    /// and falls back to the managed engine when it fails.
    /// </summary>
    public sealed class NativeSliceEngine : ISliceHashEngine
    {
        private readonly uint[] _job = new uint[NativeScanner.Sha256dJobWords];
        private readonly uint[] _expected = new uint[5];
        private byte[] _lastHash = new byte[0];
        private DucoWork? _loadedDuco;
        private uint[] _hits = new uint[16];
        private DeviceJob? _loaded;
        private string? _name;

        /// <inheritdoc />
        public string Name
        {
            // Known after the first scan; before it, a call into an image without the library would throw here.
            get { return _name == null ? "native" : _name; }
        }

        /// <inheritdoc />
        public void ScanSha256d(DeviceJob job, uint firstNonce, int count, NonceHits hits)
        {
            if (_name == null)
            {
                _name = NativeScanner.Engine() == NativeScanner.EngineEsp32Sha ? "native-esp32-sha" : "native-soft";
            }

            if (job != _loaded)
            {
                Load(job);
            }

            int found = NativeScanner.ScanSha256d(_job, firstNonce, (uint)count, _hits);
            if (found > _hits.Length)
            {
                // More hits than room (an easy share target): rare, so scan the slice again with room for all.
                _hits = new uint[found];
                found = NativeScanner.ScanSha256d(_job, firstNonce, (uint)count, _hits);
            }

            for (int i = 0; i < found; i++)
            {
                hits.Add(_hits[i]);
            }
        }

        /// <inheritdoc />
        public void ScanDucoS1(DucoWork work, uint firstNonce, int count, NonceHits hits)
        {
            if (work != _loadedDuco)
            {
                _lastHash = DucoS1.Prefix(work.LastHash);
                uint[] expected = DucoS1.ExpectedState(work);
                for (int i = 0; i < 5; i++)
                {
                    _expected[i] = expected[i];
                }

                _loadedDuco = work;
            }

            // A DUCO-S1 job has one solution; the range of a slice rarely holds more than the buffer.
            int found = NativeScanner.ScanDucoS1(_lastHash, _expected, firstNonce, (uint)count, _hits);
            if (found > _hits.Length)
            {
                _hits = new uint[found];
                found = NativeScanner.ScanDucoS1(_lastHash, _expected, firstNonce, (uint)count, _hits);
            }

            for (int i = 0; i < found; i++)
            {
                hits.Add(_hits[i]);
            }
        }

        // The job as NativeScanner.ScanSha256d reads it: midstate (8), header tail (3), target words least significant first (8).
        private void Load(DeviceJob job)
        {
            uint[] midstate = job.GetMidstate();
            for (int i = 0; i < 8; i++)
            {
                _job[i] = midstate[i];
                _job[11 + i] = job.Target.GetWord(i);
            }

            for (int i = 0; i < 3; i++)
            {
                _job[8 + i] = job.TailWord(i);
            }

            _loaded = job;
        }
    }
}
