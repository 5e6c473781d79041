// The window's side of bench_product: a real MainWindow (offscreen) that
// toggles one boolean through its check box, the way a person commits an
// edit, and times each click until the write has finished.
#pragma once

#include <QString>

namespace bench {

// Prints {"medianMs":...,"shownMs":...,"failures":n,"counts":{"fsyncs":...,
// "bytesWritten":...}}: the median from a click until the session reported
// the write finished, the median until the window had also run what the
// change queued (the tree's and the panel's update and painting), and the
// counts (core/io IoCounters) from the first click until the window closed.
int runWindowBurst(const QString &file, const QString &key, int sets);

} // namespace bench
