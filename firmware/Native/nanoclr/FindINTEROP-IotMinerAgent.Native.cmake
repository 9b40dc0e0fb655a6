#
# nf-interpreter CMake module for the IotMinerAgent.Native interop assembly. Copy it to nf-interpreter's
# CMake/Modules, add "IotMinerAgent.Native" to NF_INTEROP_ASSEMBLIES in the target's preset, and point
# IOTMINER_NATIVE_DIR at this repository's firmware/Native (firmware/README.md, "Native hashing").
#
if(NOT IOTMINER_NATIVE_DIR)
    message(FATAL_ERROR "IotMinerAgent.Native: set IOTMINER_NATIVE_DIR to the firmware/Native folder of an IotMinerAgent checkout (e.g. -DIOTMINER_NATIVE_DIR=/src/iotminer/firmware/Native).")
endif()

# nanoCLR headers for the glue, the kernels' own folder for the pure C part
list(APPEND IotMinerAgent.Native_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/CLR/Core)
list(APPEND IotMinerAgent.Native_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/CLR/Include)
list(APPEND IotMinerAgent.Native_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/HAL/Include)
list(APPEND IotMinerAgent.Native_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/PAL/Include)
list(APPEND IotMinerAgent.Native_INCLUDE_DIRS ${IOTMINER_NATIVE_DIR}/nanoclr)
list(APPEND IotMinerAgent.Native_INCLUDE_DIRS ${IOTMINER_NATIVE_DIR}/kernels)

set(IotMinerAgent.Native_SOURCES
    ${IOTMINER_NATIVE_DIR}/nanoclr/IotMinerAgent_Native.cpp
    ${IOTMINER_NATIVE_DIR}/nanoclr/IotMinerAgent_Native_IotMinerAgent_Native_NativeScanner_mshl.cpp
    ${IOTMINER_NATIVE_DIR}/nanoclr/IotMinerAgent_Native_IotMinerAgent_Native_NativeScanner.cpp
    ${IOTMINER_NATIVE_DIR}/kernels/sha256_soft.c
    ${IOTMINER_NATIVE_DIR}/kernels/sha256d_scan.c
    ${IOTMINER_NATIVE_DIR}/kernels/sha256d_esp32.c
    ${IOTMINER_NATIVE_DIR}/kernels/sha1_soft.c
    ${IOTMINER_NATIVE_DIR}/kernels/duco_s1_scan.c
    ${IOTMINER_NATIVE_DIR}/kernels/iotminer_engine.c
)

foreach(SRC_FILE ${IotMinerAgent.Native_SOURCES})
    if(NOT EXISTS ${SRC_FILE})
        message(FATAL_ERROR "IotMinerAgent.Native: ${SRC_FILE} is missing: is IOTMINER_NATIVE_DIR (${IOTMINER_NATIVE_DIR}) the firmware/Native folder?")
    endif()
endforeach()

include(FindPackageHandleStandardArgs)

FIND_PACKAGE_HANDLE_STANDARD_ARGS(IotMinerAgent.Native DEFAULT_MSG IotMinerAgent.Native_INCLUDE_DIRS IotMinerAgent.Native_SOURCES)
