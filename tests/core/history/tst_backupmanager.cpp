// Backups: the seed's names and metadata, listing newest first with broken
// or missing metadata, damaged backups, no duplicates in a row, permissions.
#include "HistoryTestHelpers.h"
#include "history/BackupManager.h"

#include <QCryptographicHash>
#include <QDir>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace tad;
using namespace historytest;

class tst_BackupManager : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_store;

private Q_SLOTS:
    void init()
    {
        QDir(m_dir.path()).removeRecursively();
        QDir().mkpath(m_dir.path());
        m_store = m_dir.filePath(QStringLiteral("tad-config.json"));
        writeBytes(m_store, R"({"settings":{"theme":"dark"}})");
    }

    void namesFollowTheSeed()
    {
        const QDateTime t(QDate(2024, 5, 1), QTime(9, 30, 0, 123), QTimeZone::utc());
        const QString name = backupname::make(t, QStringLiteral("1A2B3C4D5E6F"));
        QCOMPARE(name, QStringLiteral("backup-2024-05-01T09-30-00-123Z-1a2b3c4d.json"));
        QVERIFY(backupname::isBackupName(name));
        QCOMPARE(*backupname::timeOf(name), t);
        QCOMPARE(backupname::hashPrefixOf(name), QStringLiteral("1a2b3c4d"));
        QCOMPARE(
            backupname::sha256Hex("abc"),
            QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        QCOMPARE(
            backupname::sha256Hex(""),
            QStringLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    }

    // The hash of a version names backups and chains history entries: it must
    // agree with any other SHA-256 on content of every size (block edges too).
    void hashAgreesWithQtsSha256()
    {
        QRandomGenerator random(11);
        for (const int size : {1, 55, 56, 63, 64, 65, 4096, 1 << 20}) {
            std::string bytes(size_t(size), '\0');
            for (char &c : bytes)
                c = char(random.bounded(256));
            const QByteArray expected =
                QCryptographicHash::hash(QByteArrayView(bytes.data(), qsizetype(bytes.size())),
                                         QCryptographicHash::Sha256)
                    .toHex();
            QCOMPARE(backupname::sha256Hex(bytes), QString::fromLatin1(expected));
        }
    }

    void createWritesContentAndMeta()
    {
        ManualClock clock;
        BackupManager backups(m_store);
        backups.setClock(clock.clock());
        auto made = backups.create(QStringLiteral("manual"), QStringLiteral("before the trip"));
        QVERIFY(made.ok());
        QVERIFY(!made->reused);
        const QString dir = backups.directory();
        QCOMPARE(readBytes(made->info.path), readBytes(m_store));
        auto meta = Json::parse(
            readBytes(dir + QLatin1Char('/') + backupname::metaNameOf(made->info.name)));
        QCOMPARE(meta["originalFile"].get<std::string>(), std::string("tad-config.json"));
        QCOMPARE(meta["backupTime"].get<std::string>(), std::string("2024-01-01T09:00:00.000Z"));
        QCOMPARE(meta["reason"].get<std::string>(), std::string("manual"));
        QCOMPARE(meta["hash"].get<std::string>(),
                 backupname::sha256Hex(readBytes(m_store)).toStdString());
        QCOMPARE(meta["size"].get<qint64>(), qint64(readBytes(m_store).size()));
        QCOMPARE(meta["label"].get<std::string>(), std::string("before the trip"));
        // Owner only: they hold the API key as the store does.
        QCOMPARE(modeOf(dir), quint32(0700));
        QCOMPARE(modeOf(made->info.path), quint32(0600));
        QCOMPARE(modeOf(dir + QLatin1Char('/') + backupname::metaNameOf(made->info.name)),
                 quint32(0600));
    }

    // A copy of a file that does not parse could never be restored, and it
    // would count against the retention policy like a good backup.
    void aFileThatDoesNotParseIsNotBackedUp()
    {
        ManualClock clock;
        BackupManager backups(m_store);
        backups.setClock(clock.clock());
        QVERIFY(backups.create(QStringLiteral("manual")).ok());
        writeBytes(m_store, R"({"settings":{"theme":)");
        clock.advanceSecs(5);
        auto refused = backups.create(QStringLiteral("manual"));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::Unreadable);
        QCOMPARE(refused.error().file, m_store);
        QVERIFY(refused.error().line > 0);
        QVERIFY2(refused.error().message.contains("no backup was made"),
                 qPrintable(refused.error().message));
        QCOMPARE(backups.list()->size(), std::size_t(1));
    }

    void identicalContentIsNotStoredTwiceInARow()
    {
        ManualClock clock;
        BackupManager backups(m_store);
        backups.setClock(clock.clock());
        auto first = backups.create(QStringLiteral("manual"));
        clock.advanceSecs(5);
        auto second = backups.create(QStringLiteral("scheduled"));
        QVERIFY(first.ok() && second.ok());
        QVERIFY(second->reused);
        QCOMPARE(second->info.name, first->info.name);
        writeBytes(m_store, R"({"settings":{"theme":"light"}})");
        clock.advanceSecs(5);
        auto third = backups.create(QStringLiteral("manual"));
        QVERIFY(!third->reused);
        writeBytes(m_store, R"({"settings":{"theme":"dark"}})");
        clock.advanceSecs(5);
        auto fourth =
            backups.create(QStringLiteral("manual")); // same as the first, but not in a row
        QVERIFY(!fourth->reused);
        QCOMPARE(backups.list()->size(), std::size_t(3));
    }

    // A label asked for is never dropped: it goes on the identical newest
    // backup when that has none, else on a backup of its own.
    void aLabelOnUnchangedContentIsKept()
    {
        ManualClock clock;
        BackupManager backups(m_store);
        backups.setClock(clock.clock());
        auto first = backups.create(QStringLiteral("manual"));
        clock.advanceSecs(5);
        auto labelled = backups.create(QStringLiteral("manual"), QStringLiteral("before test"));
        QVERIFY(first.ok() && labelled.ok());
        QVERIFY(labelled->reused);
        QCOMPARE(labelled->info.name, first->info.name);
        QCOMPARE(labelled->info.label, QStringLiteral("before test"));
        QCOMPARE(backups.list()->front().label, QStringLiteral("before test"));
        clock.advanceSecs(5);
        auto same = backups.create(QStringLiteral("manual"), QStringLiteral("before test"));
        QVERIFY(same.ok() && same->reused);
        clock.advanceSecs(5);
        auto other = backups.create(QStringLiteral("manual"), QStringLiteral("second"));
        QVERIFY(other.ok());
        QVERIFY(!other->reused);
        const auto list = backups.list();
        QCOMPARE(list->size(), std::size_t(2));
        QCOMPARE(list->at(0).label, QStringLiteral("second"));
        QCOMPARE(list->at(1).label, QStringLiteral("before test"));
    }

    void listingIsNewestFirstAndTolerant()
    {
        ManualClock clock;
        BackupManager backups(m_store);
        backups.setClock(clock.clock());
        QStringList names;
        for (int i = 0; i < 4; ++i) {
            writeBytes(m_store, "{\"n\":" + std::to_string(i) + "}");
            names << backups.create(QStringLiteral("manual"))->info.name;
            clock.advanceSecs(60);
        }
        const QString dir = backups.directory() + QLatin1Char('/');
        QFile::remove(dir + backupname::metaNameOf(names[1]));       // missing meta
        writeBytes(dir + backupname::metaNameOf(names[2]), "{oops"); // broken meta
        writeBytes(dir + names[3], "{\"n\":99}"); // damaged: size and hash differ
        writeBytes(dir + QStringLiteral("backup-notes.json"), "{}"); // not a backup name
        auto list = backups.list();
        QVERIFY(list.ok());
        QCOMPARE(list->size(), std::size_t(4));
        QStringList order;
        for (const auto &b : *list)
            order << b.name;
        QCOMPARE(order, (QStringList{names[3], names[2], names[1], names[0]}));
        QVERIFY(list->at(0).damaged());
        QVERIFY(!list->at(1).hasMeta && !list->at(1).damaged());
        QVERIFY(!list->at(2).hasMeta);
        QCOMPARE(list->at(3).reason, QStringLiteral("manual"));

        // Same size, other bytes: only the full check notices.
        writeBytes(dir + names[0], "{\"n\":7}");
        QVERIFY(!backups.list()->back().damaged());
        QVERIFY(backups.list(true)->back().damaged());
        auto loaded = backups.load(names[0]);
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code, ErrorCode::Unreadable);
    }

    void pinnedBackupsSurvivePruning()
    {
        ManualClock clock;
        BackupManager backups(m_store);
        backups.setClock(clock.clock());
        backups.setRetention({2, 0, 0, 0});
        backups.setPruneAutomatically(false);
        QStringList names;
        for (int i = 0; i < 5; ++i) {
            writeBytes(m_store, "{\"n\":" + std::to_string(i) + "}");
            names << backups.create(QStringLiteral("manual"))->info.name;
            clock.advanceSecs(60);
        }
        {
            auto pin = backups.pin(names[0], QStringLiteral("restore"));
            QVERIFY(pin.ok());
            auto removed = backups.prune();
            QCOMPARE(*removed, (QStringList{names[2], names[1]}));
        }
        QCOMPARE(*backups.prune(), QStringList{names[0]});
        QVERIFY(!QFile::exists(backups.directory() + QLatin1Char('/') +
                               backupname::metaNameOf(names[0])));
    }

    void tightensAFolderMadeByTheElectronApp()
    {
        BackupManager backups(m_store);
        QDir().mkpath(backups.directory());
        QFile::setPermissions(backups.directory(), QFileDevice::Permissions(0x7755));
        QVERIFY(backups.create(QStringLiteral("manual")).ok());
        QCOMPARE(modeOf(backups.directory()), quint32(0700));
    }
};

QTEST_GUILESS_MAIN(tst_BackupManager)
#include "tst_backupmanager.moc"
