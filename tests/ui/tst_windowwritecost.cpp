// What an edit in the window costs on disk, counted by the process itself
// (core/io IoCounters): toggling a non-critical key by keys alone, N times
// on the real window, makes at most 2.2 fsyncs and writes at most 1.15
// times the file's size per edit, as a `set` through the command line does
// (tst_cli_writecost). Counts, not timings: the same on any machine.
#include "GuiTestHelpers.h"
#include "editors/EditorPanel.h"
#include "editors/ValueEditor.h"
#include "io/IoCounters.h"
#include "session/StoreSession.h"
#include "window/MainWindow.h"
#include "window/StartupConfig.h"

#include <QApplication>
#include <QCheckBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTreeView>
#include <memory>

using namespace tad;
using guitest::valueOnDisk;

class TestWindowWriteCost : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void anEditCostsWhatACliSetCosts()
    {
        const QString key = QStringLiteral("ui.sidebarCollapsed"); // no backup guards it
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("tad-config.json"));
        // The demo config grown to 2 KB (the smallest size the targets
        // name) with more workspaces of the same shape.
        const QByteArray demo = guitest::readBytes(guitest::demoConfig());
        auto parsed = parseDocument(std::string_view(demo.constData(), size_t(demo.size())));
        QVERIFY(parsed);
        Json doc = parsed->value;
        const Json workspace = doc["workspaces"].begin().value();
        for (int i = 0; stringify(doc, TextStyle::tabs()).size() < 2048; ++i)
            doc["workspaces"]["more-" + std::to_string(i)] = workspace;
        QVERIFY(guitest::writeBytes(path,
                                    QByteArray::fromStdString(stringify(doc, TextStyle::tabs()))));

        MainWindowOptions options;
        options.configPath = path;
        options.schemaPath = guitest::testSchema();
        options.rememberState = false;
        auto window = std::make_unique<MainWindow>(options);
        window->show();
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        QSignalSpy ready(window.get(), &MainWindow::ready);
        window->open();
        QVERIFY(window->isReady() || ready.wait(20000));
        // The start-up backup and the history's start are not an edit.
        window->session()->waitForIdle();
        QCoreApplication::processEvents();
        QSignalSpy written(window->session(), &StoreSession::writeFinished);
        const io::IoCounts before = io::ioCounts();

        const int edits = 24;
        bool value = valueOnDisk(path, key) == QLatin1String("true");
        for (int i = 0; i < edits; ++i) {
            // Ctrl+F, the key's name, Down to its row, Tab to its check box, Space.
            QTest::keyClick(window.get(), Qt::Key_F, Qt::ControlModifier);
            QVERIFY(window->findBox()->hasFocus());
            QTest::keyClick(window->findBox(), Qt::Key_A, Qt::ControlModifier);
            QTest::keyClicks(window->findBox(), key);
            QTest::keyClick(window->findBox(), Qt::Key_Down);
            QVERIFY(window->tree()->hasFocus());
            QCOMPARE(window->panel()->key(), key);
            QTest::keyClick(window->tree(), Qt::Key_Tab);
            auto *box = qobject_cast<QCheckBox *>(QApplication::focusWidget());
            QVERIFY2(box && window->panel()->editor()->isAncestorOf(box),
                     "Tab does not reach the check box");
            const qsizetype writes = written.size();
            QTest::keyClick(box, Qt::Key_Space);
            QTRY_VERIFY_WITH_TIMEOUT(written.size() > writes, 20000);
            QVERIFY2(written.last().at(0).toBool(), "an edit was not written");
            value = !value;
            QCOMPARE(valueOnDisk(path, key),
                     value ? QStringLiteral("true") : QStringLiteral("false"));
        }
        // Closing ends the burst: the history's lines are made durable.
        window.reset();
        const io::IoCounts cost = io::ioCounts() - before;

        const double fileSize = double(QFileInfo(path).size());
        const double fsyncs = double(cost.fsyncs) / edits;
        const double bytes = double(cost.bytesWritten) / edits;
        qInfo("per edit: %.2f fsyncs, %.0f bytes = %.2fx the file (%.0f bytes), %.2f writes",
              fsyncs, bytes, bytes / fileSize, fileSize, double(cost.writes) / edits);
        QVERIFY2(fsyncs <= 2.2, qPrintable(QString::number(fsyncs)));
        QVERIFY2(bytes <= 1.15 * fileSize, qPrintable(QString::number(bytes / fileSize)));
        // Each edit was written (and not merely counted): one file write and
        // one journal line each, at least.
        QVERIFY(cost.writes >= quint64(2 * edits));
    }
};

QTEST_MAIN(TestWindowWriteCost)
#include "tst_windowwritecost.moc"
