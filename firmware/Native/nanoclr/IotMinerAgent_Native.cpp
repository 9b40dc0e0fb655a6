//
// The interop assembly table nanoCLR looks up by assembly name: one handler per method of the managed assembly in
// metadata order (NULL for methods without native code; NativeScanner has no constructor and three native methods).
//
// The checksum below MUST be the one the metadata processor computes for IotMinerAgent.Native.pe: nanoCLR refuses
// to bind an assembly whose checksum differs ("Firmware version does not match managed code version"). Build
// managed/IotMinerAgent.Native.nfproj (NFMDP_GENERATE_STUBS) and replace this file with the generated
// bin/<Configuration>/Stubs/IotMinerAgent_Native.cpp, or copy its checksum here (firmware/README.md, "Native hashing").
//
#include "IotMinerAgent_Native.h"

// clang-format off

static const CLR_RT_MethodHandler method_lookup[] =
{
    Library_IotMinerAgent_Native_IotMinerAgent_Native_NativeScanner::Engine___STATIC__I4,
    Library_IotMinerAgent_Native_IotMinerAgent_Native_NativeScanner::ScanSha256d___STATIC__I4__SZARRAY_U4__U4__U4__SZARRAY_U4,
    Library_IotMinerAgent_Native_IotMinerAgent_Native_NativeScanner::ScanDucoS1___STATIC__I4__SZARRAY_U1__SZARRAY_U4__U4__U4__SZARRAY_U4,
};

const CLR_RT_NativeAssemblyData g_CLR_AssemblyNative_IotMinerAgent_Native =
{
    "IotMinerAgent.Native",
    0x00000000, // replace with the metadata processor's checksum (see above)
    method_lookup,
    { 1, 0, 0, 0 } // AssemblyNativeVersion in managed/Properties/AssemblyInfo.cs
};

// clang-format on
