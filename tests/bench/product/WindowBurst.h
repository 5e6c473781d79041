// The window's side of bench_product: a real MainWindow (offscreen) that
// toggles one boolean through its check box, the way a person commits an
// edit, and times each click until the write has finished.
#pragma once

#include <QString>

namespace bench {

// Prints {"t0":<epoch s before the first click>,"medianMs":...,"failures":n}.
int runWindowBurst(const QString &file, const QString &key, int sets);

} // namespace bench
