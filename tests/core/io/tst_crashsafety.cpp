// Kills a writer with SIGKILL at random moments, hundreds of times, and
// checks after every kill that the file is whole: it parses and equals either
// the last acknowledged document or the one in flight.
#include "CrashDocuments.h"
#include "IoTestHelpers.h"
#include "io/AtomicFile.h"

#include "json/Json.h"
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <chrono>
#include <thread>

using namespace tad;

namespace {

// The highest N of the "ok N" lines, or `none` if there is none.
qint64 lastAcknowledged(const QByteArray &output, qint64 none)
{
    qint64 last = none;
    for (const QByteArray &line : output.split('\n')) {
        if (line.startsWith("ok "))
            last = qMax(last, line.mid(3).toLongLong());
    }
    return last;
}

} // namespace

class tst_CrashSafety : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killDuringWrites_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<int>("kills");
        QTest::newRow("replace") << "replace" << 300;
        QTest::newRow("learn previous") << "learn" << 200;
    }
    void killDuringWrites()
    {
        QFETCH(QString, mode);
        QFETCH(int, kills);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString target = dir.filePath(QStringLiteral("tad-config.json"));
        QVERIFY(replaceFile(target, crashtest::document(0)).ok());
        qint64 current = 0;
        int inFlight = 0, leftTempFiles = 0;

        for (int kill = 0; kill < kills; ++kill) {
            QProcess writer;
            writer.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            writer.start(QStringLiteral(TAD_CRASH_WRITER),
                         {mode, target, QString::number(current + 1)});
            QVERIFY2(writer.waitForStarted(5000), qPrintable(writer.errorString()));
            QByteArray output;
            while (!output.contains("ready\n")) {
                QVERIFY2(writer.waitForReadyRead(5000), "the writer did not get ready");
                output += writer.readAllStandardOutput();
            }
            const int delayUs = int(QRandomGenerator::global()->bounded(30'000));
            std::this_thread::sleep_for(std::chrono::microseconds(delayUs));
            writer.kill();
            QVERIFY(writer.waitForFinished(5000));
            output += writer.readAllStandardOutput();
            QVERIFY2(!output.contains("failed"), output.constData());
            QCOMPARE(writer.exitStatus(), QProcess::CrashExit);

            const qint64 acknowledged = lastAcknowledged(output, current);
            const Result<FileSnapshot> file = readFile(target);
            QVERIFY(file.ok());
            QVERIFY2(file->stamp.exists, "the target vanished");
            Json parsed = Json::parse(file->bytes, nullptr, false);
            QVERIFY2(!parsed.is_discarded(),
                     qPrintable(QStringLiteral("kill %1: torn file, %2 bytes")
                                    .arg(kill)
                                    .arg(file->bytes.size())));
            const qint64 seq = parsed.value("seq", qint64(-1));
            QVERIFY2(seq == acknowledged || seq == acknowledged + 1,
                     qPrintable(QStringLiteral("kill %1: file holds %2, last acknowledged %3")
                                    .arg(kill)
                                    .arg(seq)
                                    .arg(acknowledged)));
            QVERIFY(file->bytes == crashtest::document(quint64(seq)));
            QCOMPARE(file->stamp.mode, 0600u);

            // The writer is dead and reaped: all its temp files are stale.
            if (iotest::entriesOf(dir.path()).size() > 1)
                ++leftTempFiles;
            removeStaleTempFiles(target);
            QCOMPARE(iotest::entriesOf(dir.path()), QStringList{QStringLiteral("tad-config.json")});

            inFlight += seq == acknowledged + 1 ? 1 : 0;
            current = seq;
        }
        qInfo("%d kills, %lld documents written, %d found the write in flight done, "
              "%d left a temp file",
              kills, current, inFlight, leftTempFiles);
    }
};

QTEST_GUILESS_MAIN(tst_CrashSafety)
#include "tst_crashsafety.moc"
