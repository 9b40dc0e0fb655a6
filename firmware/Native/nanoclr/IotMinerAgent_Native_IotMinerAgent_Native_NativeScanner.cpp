//
// NativeScanner's native methods: argument checks, then the pure C kernels (../kernels). Errors become the CLR
// exceptions the managed side expects: a wrong-sized job or a null array → ArgumentException, a range past 2^32 →
// ArgumentOutOfRangeException.
//
#include "IotMinerAgent_Native.h"
#include "IotMinerAgent_Native_IotMinerAgent_Native_NativeScanner.h"

extern "C"
{
#include "duco_s1_scan.h"
#include "iotminer_engine.h"
#include "sha256d_scan.h"
}

using namespace IotMinerAgent_Native::IotMinerAgent_Native;

namespace
{
    // Words of a sha256d job: midstate (8), header tail (3), target (8); NativeScanner.Sha256dJobWords.
    const unsigned int JobWords = 19;

    // nanoCLR's typed arrays hold unsigned int; ESP-IDF 5 defines uint32_t as unsigned long on Xtensa and RISC-V.
    // Same size, different type: the kernels' pointers are cast, never the data converted.
    static_assert(sizeof(unsigned int) == sizeof(uint32_t), "a CLR UInt32 element is a uint32_t");

    uint32_t *Words(CLR_RT_TypedArray_UINT32 &array)
    {
        return reinterpret_cast<uint32_t *>(array.GetBuffer());
    }

    HRESULT FromKernel(int rc)
    {
        if (rc == IOTMINER_E_RANGE)
        {
            return CLR_E_OUT_OF_RANGE;
        }

        return rc == IOTMINER_OK ? S_OK : CLR_E_INVALID_PARAMETER;
    }
}

signed int NativeScanner::Engine(HRESULT &hr)
{
    (void)hr;
    return iotminer_sha256d_engine();
}

signed int NativeScanner::ScanSha256d(
    CLR_RT_TypedArray_UINT32 job,
    unsigned int firstNonce,
    unsigned int count,
    CLR_RT_TypedArray_UINT32 hits,
    HRESULT &hr)
{
    if (job.GetSize() != JobWords)
    {
        hr = CLR_E_INVALID_PARAMETER;
        return 0;
    }

    iotminer_sha256d_job kernelJob;
    const unsigned int *words = job.GetBuffer();
    for (int i = 0; i < 8; i++)
    {
        kernelJob.midstate[i] = words[i];
        kernelJob.target[i] = words[11 + i];
    }

    for (int i = 0; i < 3; i++)
    {
        kernelJob.tail[i] = words[8 + i];
    }

    uint32_t found = 0;
    hr = FromKernel(iotminer_sha256d_scan(&kernelJob, firstNonce, count, Words(hits), hits.GetSize(), &found));
    return (signed int)found;
}

signed int NativeScanner::ScanDucoS1(
    CLR_RT_TypedArray_UINT8 lastHash,
    CLR_RT_TypedArray_UINT32 expected,
    unsigned int firstNonce,
    unsigned int count,
    CLR_RT_TypedArray_UINT32 hits,
    HRESULT &hr)
{
    if (expected.GetSize() != 5 || lastHash.GetSize() == 0)
    {
        hr = CLR_E_INVALID_PARAMETER;
        return 0;
    }

    uint32_t found = 0;
    hr = FromKernel(iotminer_duco_s1_scan_soft(
        lastHash.GetBuffer(),
        lastHash.GetSize(),
        Words(expected),
        firstNonce,
        count,
        Words(hits),
        hits.GetSize(),
        &found));
    return (signed int)found;
}
