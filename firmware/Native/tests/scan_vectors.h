// Reads scan-vectors.txt (written by make-vectors.py from the managed scanners' output).
#ifndef IOTMINER_SCAN_VECTORS_H
#define IOTMINER_SCAN_VECTORS_H

#include <cstdint>
#include <string>
#include <vector>

struct ScanVector {
    std::string algorithm;      // "sha256d" or "duco-s1"
    std::string name;
    std::string data;           // sha256d: header hex; duco-s1: last hash
    std::string target;         // sha256d: target hex (display order); duco-s1: expected digest hex
    uint32_t first = 0;
    uint64_t count = 0;
    std::vector<uint32_t> hits; // what the managed scanner reported
};

std::vector<ScanVector> LoadScanVectors(const std::string& path);
std::vector<uint8_t> FromHex(const std::string& hex);

#endif
