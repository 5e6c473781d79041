#include "WindowBurst.h"

#include "Resources.h"
#include "WaitFor.h"
#include "editors/EditorPanel.h"
#include "editors/ValueEditor.h"
#include "io/IoCounters.h"
#include "session/StoreSession.h"
#include "window/MainWindow.h"
#include "window/StartupConfig.h"

#include <QApplication>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QPointer>
#include <QTest>
#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

namespace bench {

int runWindowBurst(const QString &file, const QString &key, int sets)
{
    tad::ensureResources();
    tad::MainWindowOptions options;
    options.configPath = file;
    options.schemaPath = tad::bundledSchemaPath();
    options.rememberState = false;
    auto window = std::make_unique<tad::MainWindow>(options);
    window->show();
    window->open();
    if (!waitFor([&] { return window->isReady(); }, 120000)) {
        std::fprintf(stderr, "the window did not open %s\n", qPrintable(file));
        return 1;
    }
    int finished = 0, failures = 0;
    QObject::connect(window->session(), &tad::StoreSession::writeFinished, window.get(),
                     [&](bool ok) {
                         ++finished;
                         failures += ok ? 0 : 1;
                     });
    // The start-up backup and the first history entry are not part of an edit.
    waitFor([] { return false; }, 300);
    window->session()->waitForIdle();
    QCoreApplication::processEvents();

    std::vector<double> times;
    const tad::io::IoCounts before = tad::io::ioCounts();
    QElapsedTimer timer;
    for (int i = 0; i < sets; ++i) {
        if (!window->selectKey(key) || !window->panel()->editor()) {
            std::fprintf(stderr, "the window cannot select %s\n", qPrintable(key));
            return 1;
        }
        QPointer<QCheckBox> box = window->panel()->editor()->findChild<QCheckBox *>();
        if (!box) {
            std::fprintf(stderr, "%s has no check box\n", qPrintable(key));
            return 1;
        }
        const int done = finished;
        timer.start();
        QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(5, box->height() / 2));
        if (!waitFor([&] { return finished > done; }, 60000)) {
            std::fprintf(stderr, "a click was not written within a minute\n");
            return 1;
        }
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
        // The tree and the panel take the change in before the next click.
        waitFor([] { return false; }, 5);
    }
    window->session()->waitForIdle();
    // Closing ends the burst: the history's lines are made durable, as
    // they are when a batch ends.
    window.reset();
    const tad::io::IoCounts cost = tad::io::ioCounts() - before;
    std::sort(times.begin(), times.end());
    const size_t mid = times.size() / 2;
    const double median = times.size() % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
    std::printf("{\"medianMs\":%.4f,\"failures\":%d,\"counts\":%s}\n", median, failures,
                qPrintable(tad::io::ioCountsJson(cost)));
    std::fflush(stdout);
    return 0;
}

} // namespace bench
