//
// The implementation side of NativeScanner's native methods (the generated "stub" header): plain C++ signatures the
// marshalling handlers call, so the kernels never touch the interpreter's stack frames.
//
#ifndef IOTMINERAGENT_NATIVE_IOTMINERAGENT_NATIVE_NATIVESCANNER_H
#define IOTMINERAGENT_NATIVE_IOTMINERAGENT_NATIVE_NATIVESCANNER_H

namespace IotMinerAgent_Native
{
    namespace IotMinerAgent_Native
    {
        struct NativeScanner
        {
            static signed int Engine(HRESULT &hr);

            static signed int ScanSha256d(
                CLR_RT_TypedArray_UINT32 job,
                unsigned int firstNonce,
                unsigned int count,
                CLR_RT_TypedArray_UINT32 hits,
                HRESULT &hr);

            static signed int ScanDucoS1(
                CLR_RT_TypedArray_UINT8 lastHash,
                CLR_RT_TypedArray_UINT32 expected,
                unsigned int firstNonce,
                unsigned int count,
                CLR_RT_TypedArray_UINT32 hits,
                HRESULT &hr);
        };
    }
}

#endif
