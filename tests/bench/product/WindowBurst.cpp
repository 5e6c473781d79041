#include "WindowBurst.h"

#include "Median.h"
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
#include <QEventLoop>
#include <QPointer>
#include <QTest>
#include <QTimer>
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

    // Timed as the window sees it: from the click until the session reports
    // the write finished, with the event loop asleep in between as it is in
    // use (a spinning loop takes a core from the store's thread on 2 cores).
    // "Shown" goes on until the events the change queued (the tree's and the
    // panel's update, their painting) have run.
    std::vector<double> written, shown;
    const tad::io::IoCounts before = tad::io::ioCounts();
    QElapsedTimer timer;
    QEventLoop loop;
    double writtenMs = 0;
    QObject::connect(window->session(), &tad::StoreSession::writeFinished, &loop, [&] {
        writtenMs = double(timer.nsecsElapsed()) / 1e6;
        loop.quit();
    });
    QTimer giveUp;
    giveUp.setSingleShot(true);
    QObject::connect(&giveUp, &QTimer::timeout, &loop, [&] { loop.exit(1); });
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
        giveUp.start(60000);
        timer.start();
        QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(5, box->height() / 2));
        if (finished == done && loop.exec() != 0) {
            std::fprintf(stderr, "a click was not written within a minute\n");
            return 1;
        }
        giveUp.stop();
        QCoreApplication::processEvents();
        shown.push_back(double(timer.nsecsElapsed()) / 1e6);
        written.push_back(writtenMs);
        // The tree and the panel take the change in before the next click.
        waitFor([] { return false; }, 5);
    }
    window->session()->waitForIdle();
    // Closing ends the burst: the history's lines are made durable, as
    // they are when a batch ends.
    window.reset();
    const tad::io::IoCounts cost = tad::io::ioCounts() - before;
    std::printf("{\"medianMs\":%.4f,\"shownMs\":%.4f,\"failures\":%d,\"counts\":%s}\n",
                median(written), median(shown), failures, qPrintable(tad::io::ioCountsJson(cost)));
    std::fflush(stdout);
    return 0;
}

} // namespace bench
