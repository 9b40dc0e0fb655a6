#include "scan_vectors.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

std::vector<uint8_t> FromHex(const std::string& hex)
{
    if (hex.size() % 2 != 0) {
        throw std::invalid_argument("odd-length hex: " + hex);
    }

    std::vector<uint8_t> bytes(hex.size() / 2);
    for (size_t i = 0; i < bytes.size(); i++) {
        bytes[i] = static_cast<uint8_t>(std::stoul(hex.substr(i * 2, 2), nullptr, 16));
    }

    return bytes;
}

std::vector<ScanVector> LoadScanVectors(const std::string& path)
{
    std::ifstream file(path);
    if (!file) {
        throw std::runtime_error("cannot open " + path + ": regenerate it with firmware/Native/tests/make-vectors.py");
    }

    std::vector<ScanVector> vectors;
    std::string line;
    while (std::getline(file, line)) {
        if (line.empty() || line[0] == '#') {
            continue;
        }

        std::istringstream fields(line);
        ScanVector v;
        std::string hits;
        if (!(fields >> v.algorithm >> v.name >> v.data >> v.target >> v.first >> v.count >> hits)) {
            throw std::runtime_error("malformed vector line: " + line);
        }

        if (hits != "-") {
            std::istringstream list(hits);
            std::string nonce;
            while (std::getline(list, nonce, ',')) {
                v.hits.push_back(static_cast<uint32_t>(std::stoul(nonce)));
            }
        }

        vectors.push_back(v);
    }

    return vectors;
}
