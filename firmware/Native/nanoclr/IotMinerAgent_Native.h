//
// nanoCLR side of the IotMinerAgent.Native interop assembly (firmware/Native/managed), in the shape the
// nanoFramework metadata processor generates (NFMDP_GENERATE_STUBS): one struct per class with native methods, one
// handler per method named Method___STATIC__<return>__<parameters>. Compiled only inside an nf-interpreter build.
//
#ifndef IOTMINERAGENT_NATIVE_H
#define IOTMINERAGENT_NATIVE_H

#include <nanoCLR_Interop.h>
#include <nanoCLR_Runtime.h>
#include <nanoPackStruct.h>

struct Library_IotMinerAgent_Native_IotMinerAgent_Native_NativeScanner
{
    NANOCLR_NATIVE_DECLARE(Engine___STATIC__I4);
    NANOCLR_NATIVE_DECLARE(ScanSha256d___STATIC__I4__SZARRAY_U4__U4__U4__SZARRAY_U4);
    NANOCLR_NATIVE_DECLARE(ScanDucoS1___STATIC__I4__SZARRAY_U1__SZARRAY_U4__U4__U4__SZARRAY_U4);

    //--//
};

extern const CLR_RT_NativeAssemblyData g_CLR_AssemblyNative_IotMinerAgent_Native;

#endif // IOTMINERAGENT_NATIVE_H
