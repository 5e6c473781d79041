// SideFolder: the folders beside the settings file and the files in them are
// never reached through a symbolic link, and nothing outside them changes.
#include "IoTestHelpers.h"
#include "io/SideFolder.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace tad;
using namespace iotest;

namespace {

const std::string outside = R"({"ai":{"apiKey":"sk-outside-secret"}})";

bool makeLink(const QString &target, const QString &link)
{
    return ::symlink(QFile::encodeName(target).constData(), QFile::encodeName(link).constData()) ==
           0;
}

bool isLink(const QString &path)
{
    struct stat st;
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 && S_ISLNK(st.st_mode);
}

QString message(const Error &error)
{
    return error.toString();
}

} // namespace

class tst_SideFolder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_store = m_dir->filePath(QStringLiteral("tad-config.json"));
        QVERIFY(writeInPlace(m_store, "{}"));
        m_outsideDir = m_dir->filePath(QStringLiteral("elsewhere"));
        QVERIFY(QDir().mkpath(m_outsideDir));
        QVERIFY(::chmod(QFile::encodeName(m_outsideDir).constData(), 0755) == 0);
        m_outsideFile = m_outsideDir + QStringLiteral("/target.json");
        QVERIFY(writeInPlace(m_outsideFile, outside));
        QVERIFY(::chmod(QFile::encodeName(m_outsideFile).constData(), 0644) == 0);
    }

    void createsAPrivateFolder()
    {
        auto missing =
            SideFolder::open(m_store, QStringLiteral("backups"), SideFolder::Mode::OpenExisting);
        QVERIFY(missing.ok());
        QVERIFY(!missing->exists());
        QVERIFY(missing->list()->empty());
        QVERIFY(!missing->read(QStringLiteral("x.json"))->stamp.exists);
        QVERIFY(!QFileInfo::exists(m_dir->filePath(QStringLiteral("backups"))));

        auto made = SideFolder::open(m_store, QStringLiteral("backups"), SideFolder::Mode::Create);
        QVERIFY2(made.ok(), made.ok() ? "" : qPrintable(message(made.error())));
        QVERIFY(made->exists());
        QCOMPARE(made->path(), m_dir->filePath(QStringLiteral("backups")));
        QCOMPARE(modeOf(made->path()), 0700u);
        QVERIFY(made->write(QStringLiteral("a.json"), "{\"a\":1}", {}).ok());
        QCOMPARE(modeOf(made->filePath(QStringLiteral("a.json"))), 0600u);
        QCOMPARE(made->read(QStringLiteral("a.json"))->bytes, std::string("{\"a\":1}"));
    }

    // The Electron app makes backups/ with the default mode; writing
    // tightens it through the descriptor, reading changes nothing.
    void tightensOnlyWhenWriting()
    {
        const QString folder = m_dir->filePath(QStringLiteral("backups"));
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(::chmod(QFile::encodeName(folder).constData(), 0755) == 0);
        QVERIFY(SideFolder::open(m_store, QStringLiteral("backups"), SideFolder::Mode::OpenExisting)
                    .ok());
        QCOMPARE(modeOf(folder), 0755u);
        QVERIFY(
            SideFolder::open(m_store, QStringLiteral("backups"), SideFolder::Mode::Create).ok());
        QCOMPARE(modeOf(folder), 0700u);
    }

    void folderThatIsALinkIsRefused_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("to read") << int(SideFolder::Mode::OpenExisting);
        QTest::newRow("to write") << int(SideFolder::Mode::Create);
    }
    void folderThatIsALinkIsRefused()
    {
        QFETCH(int, mode);
        const QString link = m_dir->filePath(QStringLiteral("backups"));
        QVERIFY(makeLink(m_outsideDir, link));
        auto opened = SideFolder::open(m_store, QStringLiteral("backups"), SideFolder::Mode(mode));
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, ErrorCode::Unreadable);
        QCOMPARE(opened.error().file, link);
        const QString text = message(opened.error());
        QVERIFY2(text.contains(QStringLiteral("backups/ is a symbolic link; TAD Settings does not "
                                              "follow links in its own folders. Replace it with a "
                                              "real folder")),
                 qPrintable(text));
        QVERIFY(isLink(link));
        outsideUntouched();
    }

    // A link written relative to its folder (backups -> elsewhere): the
    // command the message gives works run from any folder.
    void theRepairCommandWorksFromAnywhere()
    {
        const QString link = m_dir->filePath(QStringLiteral("backups"));
        QVERIFY(makeLink(QStringLiteral("elsewhere"), link));
        auto opened =
            SideFolder::open(m_store, QStringLiteral("backups"), SideFolder::Mode::OpenExisting);
        QVERIFY(!opened.ok());
        const QRegularExpression command(
            QStringLiteral("\\((rm \"[^\"]+\" && mv \"([^\"]+)\" \"[^\"]+\")\\)"));
        const auto match = command.match(opened.error().message);
        QVERIFY2(match.hasMatch(), qPrintable(opened.error().message));
        QCOMPARE(match.captured(2), m_outsideDir);
        QProcess shell;
        shell.setWorkingDirectory(QStringLiteral("/"));
        shell.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), match.captured(1)});
        QVERIFY(shell.waitForFinished(10000));
        QCOMPARE(shell.exitCode(), 0);
        QVERIFY(!isLink(link));
        QVERIFY(QFileInfo(link).isDir());
        QVERIFY(QFileInfo::exists(link + QStringLiteral("/target.json")));
    }

    void linkToAMissingFolderIsRefused()
    {
        const QString link = m_dir->filePath(QStringLiteral("storeHistory"));
        QVERIFY(makeLink(m_dir->filePath(QStringLiteral("nowhere")), link));
        auto opened =
            SideFolder::open(m_store, QStringLiteral("storeHistory"), SideFolder::Mode::Create);
        QVERIFY(!opened.ok());
        QVERIFY2(opened.error().message.contains(QStringLiteral("is a symbolic link")),
                 qPrintable(opened.error().message));
        QVERIFY(!QFileInfo::exists(m_dir->filePath(QStringLiteral("nowhere"))));
    }

    void fileWhereTheFolderShouldBe()
    {
        QVERIFY(writeInPlace(m_dir->filePath(QStringLiteral("backups")), "x"));
        auto opened =
            SideFolder::open(m_store, QStringLiteral("backups"), SideFolder::Mode::Create);
        QVERIFY(!opened.ok());
        QVERIFY2(opened.error().message.contains(QStringLiteral("is not a folder")),
                 qPrintable(opened.error().message));
        QCOMPARE(contentsOf(m_dir->filePath(QStringLiteral("backups"))), std::string("x"));
    }

    void fileThatIsALinkIsNeitherReadNorWritten()
    {
        auto folder =
            SideFolder::open(m_store, QStringLiteral("storeHistory"), SideFolder::Mode::Create);
        QVERIFY(folder.ok());
        const QString link = folder->filePath(QStringLiteral("head.json"));
        QVERIFY(makeLink(m_outsideFile, link));

        auto read = folder->read(QStringLiteral("head.json"));
        QVERIFY(!read.ok());
        QVERIFY2(read.error().message.startsWith(
                     QStringLiteral("storeHistory/head.json is a symbolic link; TAD Settings does "
                                    "not follow links in its own folders")),
                 qPrintable(read.error().message));
        QCOMPARE(read.error().file, link);

        WriteOptions options;
        options.newFileMode = 0600;
        auto written = folder->write(QStringLiteral("head.json"), "{\"secret\":1}", options);
        QVERIFY(!written.ok());
        QVERIFY2(written.error().message.contains(QStringLiteral("is a symbolic link")),
                 qPrintable(written.error().message));
        QVERIFY(isLink(link));
        // No temp file left behind either.
        QCOMPARE(entriesOf(folder->path()), QStringList{QStringLiteral("head.json")});

        auto st = folder->stat(QStringLiteral("head.json"));
        QVERIFY(st.ok() && st->exists);
        QCOMPARE(st->type, SideEntry::Type::Link);

        auto removed = folder->remove(QStringLiteral("head.json"));
        QVERIFY(removed.ok() && *removed);
        QVERIFY(!QFileInfo::exists(link) && !isLink(link));
        outsideUntouched();
    }

    void listingTellsLinksFromFiles()
    {
        auto folder =
            SideFolder::open(m_store, QStringLiteral("backups"), SideFolder::Mode::Create);
        QVERIFY(folder.ok());
        QVERIFY(folder->write(QStringLiteral("file.json"), "1", {}).ok());
        QVERIFY(makeLink(m_outsideFile, folder->filePath(QStringLiteral("link.json"))));
        QVERIFY(QDir().mkpath(folder->filePath(QStringLiteral("sub"))));
        auto entries = folder->list();
        QVERIFY(entries.ok());
        QMap<QString, SideEntry::Type> types;
        for (const auto &entry : *entries)
            types[entry.name] = entry.type;
        QCOMPARE(types.size(), 3);
        QCOMPARE(types.value(QStringLiteral("file.json")), SideEntry::Type::File);
        QCOMPARE(types.value(QStringLiteral("link.json")), SideEntry::Type::Link);
        QCOMPARE(types.value(QStringLiteral("sub")), SideEntry::Type::Folder);
        // Listing twice gives the same (each listing reads from the start).
        QCOMPARE(folder->list()->size(), size_t(3));
        outsideUntouched();
    }

    void namesThatLeaveTheFolderAreRefused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("parent") << "../elsewhere/target.json";
        QTest::newRow("dot dot") << "..";
        QTest::newRow("dot") << ".";
        QTest::newRow("absolute") << "/etc/passwd";
        QTest::newRow("empty") << "";
        QTest::newRow("NUL") << QStringLiteral("a") + QChar(0) + QStringLiteral("b");
    }
    void namesThatLeaveTheFolderAreRefused()
    {
        QFETCH(QString, name);
        auto folder =
            SideFolder::open(m_store, QStringLiteral("backups"), SideFolder::Mode::Create);
        QVERIFY(folder.ok());
        QCOMPARE(folder->read(name).error().code, ErrorCode::Usage);
        QCOMPARE(folder->write(name, "x", {}).error().code, ErrorCode::Usage);
        QCOMPARE(folder->stat(name).error().code, ErrorCode::Usage);
        QCOMPARE(folder->remove(name).error().code, ErrorCode::Usage);
        outsideUntouched();
    }

    // A dotfiles setup: the settings file's folder is reached through a
    // link; the side folder inside it is a real folder and is used.
    void settingsFolderReachedThroughALink()
    {
        const QString real = m_dir->filePath(QStringLiteral("real"));
        QVERIFY(QDir().mkpath(real));
        const QString linked = m_dir->filePath(QStringLiteral("linked"));
        QVERIFY(makeLink(real, linked));
        auto folder = SideFolder::open(linked + QStringLiteral("/tad-config.json"),
                                       QStringLiteral("backups"), SideFolder::Mode::Create);
        QVERIFY2(folder.ok(), folder.ok() ? "" : qPrintable(message(folder.error())));
        QVERIFY(folder->write(QStringLiteral("b.json"), "2", {}).ok());
        QCOMPARE(contentsOf(real + QStringLiteral("/backups/b.json")), std::string("2"));
    }

    // Swapping the folder for a link after it was opened does not redirect
    // anything: every access is relative to the descriptor.
    void folderSwappedForALinkAfterOpening()
    {
        auto folder =
            SideFolder::open(m_store, QStringLiteral("backups"), SideFolder::Mode::Create);
        QVERIFY(folder.ok());
        const QString path = folder->path();
        const QString moved = m_dir->filePath(QStringLiteral("moved"));
        QVERIFY(::rename(QFile::encodeName(path).constData(),
                         QFile::encodeName(moved).constData()) == 0);
        QVERIFY(makeLink(m_outsideDir, path));
        QVERIFY(folder->write(QStringLiteral("target.json"), "{}", {}).ok());
        QCOMPARE(contentsOf(moved + QStringLiteral("/target.json")), std::string("{}"));
        outsideUntouched();
    }

private:
    // What every test ends with: the place a link pointed to is as it was.
    void outsideUntouched()
    {
        QCOMPARE(contentsOf(m_outsideFile), outside);
        QCOMPARE(modeOf(m_outsideFile), 0644u);
        QCOMPARE(modeOf(m_outsideDir), 0755u);
        QCOMPARE(entriesOf(m_outsideDir), QStringList{QStringLiteral("target.json")});
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_store, m_outsideDir, m_outsideFile;
};

QTEST_GUILESS_MAIN(tst_SideFolder)
#include "tst_sidefolder.moc"
