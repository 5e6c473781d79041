// The floor under every `set`: the same bytes written durably and nothing
// else (temp file in the folder, write, fdatasync, rename, fsync of the
// folder). No Qt, no parsing, no history: what the disk costs.
//
//   bench_floor FILE BYTES_A BYTES_B SETS
//
// Writes the contents of BYTES_A and BYTES_B over FILE in turn, SETS times,
// and prints {"medianMs":...,"fsyncsPerSet":2,"bytesPerSet":...} on stdout.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <iterator>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace {

bool readWhole(const char *path, std::string &out)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return false;
    out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return true;
}

bool writeDurably(const std::string &file, const std::string &folder, const std::string &bytes)
{
    const std::string temp = file + ".floor-tmp";
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return false;
    size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n <= 0) {
            ::close(fd);
            return false;
        }
        done += size_t(n);
    }
    const bool synced = ::fdatasync(fd) == 0;
    ::close(fd);
    if (!synced || ::rename(temp.c_str(), file.c_str()) != 0)
        return false;
    const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0)
        return false;
    const bool dirSynced = ::fsync(dir) == 0;
    ::close(dir);
    return dirSynced;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 5) {
        std::fprintf(stderr, "usage: bench_floor FILE BYTES_A BYTES_B SETS\n");
        return 2;
    }
    const std::string file = argv[1];
    const size_t slash = file.rfind('/');
    const std::string folder = slash == std::string::npos ? "." : file.substr(0, slash);
    std::string versions[2];
    if (!readWhole(argv[2], versions[0]) || !readWhole(argv[3], versions[1])) {
        std::fprintf(stderr, "bench_floor: cannot read the versions to write\n");
        return 1;
    }
    const int sets = std::max(1, std::atoi(argv[4]));
    std::vector<double> times;
    size_t bytes = 0;
    for (int i = 0; i < sets; ++i) {
        const std::string &next = versions[i % 2];
        const auto start = std::chrono::steady_clock::now();
        if (!writeDurably(file, folder, next)) {
            std::perror("bench_floor");
            return 1;
        }
        times.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count());
        bytes += next.size();
    }
    std::sort(times.begin(), times.end());
    const size_t mid = times.size() / 2;
    const double median = times.size() % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
    std::printf("{\"medianMs\":%.4f,\"fsyncsPerSet\":2,\"bytesPerSet\":%.1f}\n", median,
                double(bytes) / sets);
    return 0;
}
