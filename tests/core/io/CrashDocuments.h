// The sequence of documents the crash tests write: document n is valid,
// compact JSON, different from every other one, and sizes vary from a few
// bytes to about 100 KB so that kills land in short and long writes alike.
// Shared by crash_writer and the tests that check what it left behind.
#pragma once

#include <cstdint>
#include <string>

namespace crashtest {

inline std::string document(std::uint64_t n)
{
    static constexpr int itemCounts[] = {1, 40, 4000, 300, 8, 4200, 90, 2};
    const int count = itemCounts[n % (sizeof itemCounts / sizeof itemCounts[0])];
    const std::string seq = std::to_string(n);
    std::string doc = R"({"seq":)" + seq + R"(,"items":[)";
    doc.reserve(size_t(count) * 30 + 64);
    for (int i = 0; i < count; ++i) {
        if (i > 0)
            doc += ',';
        doc += R"({"i":)" + std::to_string(i) + R"(,"v":")" + seq + '-' + std::to_string(i) + "\"}";
    }
    doc += "]}";
    return doc;
}

} // namespace crashtest
