//
// Marshalling handlers (the generated "_mshl" shape): read the arguments off the interpreter's stack frame, call the
// implementation, put the result back. Static methods: argument 0 is the first parameter.
//
#include "IotMinerAgent_Native.h"
#include "IotMinerAgent_Native_IotMinerAgent_Native_NativeScanner.h"

using namespace IotMinerAgent_Native::IotMinerAgent_Native;

HRESULT Library_IotMinerAgent_Native_IotMinerAgent_Native_NativeScanner::Engine___STATIC__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    hr = S_OK;
    {
        signed int result = NativeScanner::Engine(hr);
        NANOCLR_CHECK_HRESULT(hr);
        SetResult_INT32(stack, result);
    }
    NANOCLR_NOCLEANUP();
}

HRESULT Library_IotMinerAgent_Native_IotMinerAgent_Native_NativeScanner::
    ScanSha256d___STATIC__I4__SZARRAY_U4__U4__U4__SZARRAY_U4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    hr = S_OK;
    {
        CLR_RT_TypedArray_UINT32 job;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_UINT32_ARRAY(stack, 0, job));

        unsigned int firstNonce;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_UINT32(stack, 1, firstNonce));

        unsigned int count;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_UINT32(stack, 2, count));

        CLR_RT_TypedArray_UINT32 hits;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_UINT32_ARRAY(stack, 3, hits));

        signed int result = NativeScanner::ScanSha256d(job, firstNonce, count, hits, hr);
        NANOCLR_CHECK_HRESULT(hr);
        SetResult_INT32(stack, result);
    }
    NANOCLR_NOCLEANUP();
}

HRESULT Library_IotMinerAgent_Native_IotMinerAgent_Native_NativeScanner::
    ScanDucoS1___STATIC__I4__SZARRAY_U1__SZARRAY_U4__U4__U4__SZARRAY_U4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    hr = S_OK;
    {
        CLR_RT_TypedArray_UINT8 lastHash;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_UINT8_ARRAY(stack, 0, lastHash));

        CLR_RT_TypedArray_UINT32 expected;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_UINT32_ARRAY(stack, 1, expected));

        unsigned int firstNonce;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_UINT32(stack, 2, firstNonce));

        unsigned int count;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_UINT32(stack, 3, count));

        CLR_RT_TypedArray_UINT32 hits;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_UINT32_ARRAY(stack, 4, hits));

        signed int result = NativeScanner::ScanDucoS1(lastHash, expected, firstNonce, count, hits, hr);
        NANOCLR_CHECK_HRESULT(hr);
        SetResult_INT32(stack, result);
    }
    NANOCLR_NOCLEANUP();
}
