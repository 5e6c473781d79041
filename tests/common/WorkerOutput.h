// What a worker process a crash test kills tells the test: one line per
// event on stdout, unbuffered, so an acknowledgement is out before the next
// write starts and a kill never takes one back.
#pragma once

#include "Result.h"

#include <cstdlib>
#include <string>
#include <unistd.h>

namespace workertest {

inline void say(const std::string &line)
{
    const std::string text = line + '\n';
    size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(STDOUT_FILENO, text.data() + done, text.size() - done);
        if (n <= 0)
            std::_Exit(3);
        done += size_t(n);
    }
}

// "failed: <what went wrong>", and the worker's exit code for it.
inline int fail(const tad::Error &error)
{
    say("failed: " + error.toString().toStdString());
    return 2;
}

} // namespace workertest
