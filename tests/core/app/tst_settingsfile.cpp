// The application layer both programs use: guarded edits, reset, the
// reserved key on every write path, backup deletion, the one masking rule,
// guarded restores, and recovery of a broken file with its own history
// entry. Real files in a temporary folder; the other writer is a plain
// write to the file, as conf's rename or an editor would leave it.
#include "app/SettingsFile.h"
#include "watch/BrokenFileCopies.h"

#include "json/JsonText.h"
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QTest>

using namespace tad;

namespace {

std::string readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return "<missing>";
    const QByteArray bytes = f.readAll();
    return std::string(bytes.constData(), size_t(bytes.size()));
}

// Temp file + rename over the target, as conf writes.
bool writeByRename(const QString &path, const std::string &bytes)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write(bytes.data(), qint64(bytes.size()));
    return f.commit();
}

// A backup as the seed's BackupManager writes it, `secondsAgo` old.
QString writeBackup(const QString &storePath, const std::string &bytes, int secondsAgo)
{
    const QString folder = QFileInfo(storePath).absoluteDir().filePath(QStringLiteral("backups"));
    QDir().mkpath(folder);
    QString time = QDateTime::currentDateTimeUtc()
                       .addSecs(-secondsAgo)
                       .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
    time.replace(QLatin1Char(':'), QLatin1Char('-')).replace(QLatin1Char('.'), QLatin1Char('-'));
    const QString name =
        QStringLiteral("backup-%1-%2.json")
            .arg(time)
            .arg(QString::fromLatin1(QCryptographicHash::hash(QByteArray::fromStdString(bytes),
                                                              QCryptographicHash::Sha256)
                                         .toHex()
                                         .left(8)));
    writeByRename(QDir(folder).filePath(name), bytes);
    return name;
}

KeyPath key(const char *dotted)
{
    return KeyPath::parse(dotted).value();
}

Schema schemaOf(const char *text)
{
    auto schema = Schema::fromJson(parseValue(text).value());
    return schema ? schema.value() : Schema();
}

const char *kSchema = R"({
  "theme": {"type": "string", "enum": ["light", "dark"], "default": "light"},
  "fontSize": {"type": "number", "minimum": 8, "maximum": 24, "default": 14},
  "ai": {"type": "object", "default": {},
         "properties": {"apiKey": {"type": ["string", "array", "object"], "writeOnly": true}}},
  "list": {"type": "object", "default": {}}
})";

} // namespace

class TestSettingsFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_path = m_dir->filePath(QStringLiteral("tad-config.json"));
    }

    void guardedEditRefusesAChangeMadeSince()
    {
        QVERIFY(writeByRename(m_path, R"({"theme":"light","fontSize":14,"ai":{},"list":{}})"));
        SettingsFile file(m_path, {KeyDialect::DotProp10, schemaOf(kSchema), true});
        QVERIFY(file.open());
        // The running app changes the key after the person read 14.
        QVERIFY(writeByRename(m_path, R"({"theme":"light","fontSize":20,"ai":{},"list":{}})"));
        auto done = file.set(key("fontSize"), 16, ChangeSource::Editor, Expected{Json(14)});
        QVERIFY(!done);
        QCOMPARE(done.error().code, ErrorCode::Conflict);
        QCOMPARE(done.error().key, QStringLiteral("fontSize"));
        QVERIFY2(done.error().message.contains(QStringLiteral("it was 14, it is now 20")),
                 qPrintable(done.error().message));
        QCOMPARE(readAll(m_path),
                 std::string(R"({"theme":"light","fontSize":20,"ai":{},"list":{}})"));

        // Seen as it is now, the same edit goes through.
        QVERIFY(file.set(key("fontSize"), 16, ChangeSource::Editor, Expected{Json(20)}));
        QCOMPARE(readAll(m_path),
                 std::string(R"({"theme":"light","fontSize":16,"ai":{},"list":{}})"));
        // An edit of an absent key states that it was absent.
        auto absent = file.set(key("list.a"), 1, ChangeSource::Editor, Expected{Json(2)});
        QCOMPARE(absent.error().code, ErrorCode::Conflict);
        QVERIFY(file.set(key("list.a"), 1, ChangeSource::Editor, Expected{std::nullopt}));
    }

    // A backup a person labels is kept by retention while the label stands;
    // the program's own labels (before a restore, before a migration) are
    // not, or the folder would only grow.
    void aPersonsLabelKeepsTheBackup()
    {
        QVERIFY(writeByRename(m_path, R"({"n":0})"));
        SettingsFile file(m_path, {KeyDialect::DotProp10, Schema(), true});
        QVERIFY(file.open());
        auto mine = file.createBackup(QStringLiteral("manual"), QStringLiteral("before I tidy"));
        QVERIFY(mine);
        QVERIFY(mine->info.kept);
        QVERIFY(file.set(key("n"), 1, ChangeSource::Editor));
        auto programs = file.backups().createFromBytes(
            readAll(m_path), QStringLiteral("before-restore"), QStringLiteral("before restoring"));
        QVERIFY(programs);
        QVERIFY(!programs->info.kept);
        const auto names = [&file] {
            QStringList out;
            const auto listed = file.backups().list();
            for (const BackupInfo &b : listed.value())
                out << b.name;
            return out;
        };
        const auto makeMore = [&](int from, int count) {
            for (int i = from; i < from + count; ++i) {
                if (!file.set(key("n"), i, ChangeSource::Editor) ||
                    !file.createBackup(QStringLiteral("manual"), QString()))
                    return false;
            }
            return true;
        };
        QVERIFY(makeMore(2, 12));
        QVERIFY(names().contains(mine->info.name));
        QVERIFY(!names().contains(programs->info.name));
        QCOMPARE(names().size(), 11); // the ten newest, and the labelled one

        // The label taken away, it is an old backup like the others.
        auto unlabelled = file.labelBackup(mine->info.name, QString());
        QVERIFY(unlabelled);
        QVERIFY(!unlabelled->kept);
        QVERIFY(makeMore(14, 1));
        QVERIFY(!names().contains(mine->info.name));
    }

    void conflictMessageMasksSecrets()
    {
        QVERIFY(writeByRename(m_path, R"({"ai":{"apiKey":"sk-old-0000000000001111"}})"));
        SettingsFile file(m_path, {KeyDialect::DotProp10, schemaOf(kSchema), true});
        QVERIFY(file.open());
        QVERIFY(writeByRename(m_path, R"({"ai":{"apiKey":"sk-new-0000000000002222"}})"));
        auto done = file.set(key("ai.apiKey"), "sk-mine", ChangeSource::Editor,
                             Expected{Json("sk-old-0000000000001111")});
        QCOMPARE(done.error().code, ErrorCode::Conflict);
        QVERIFY(!done.error().message.contains(QStringLiteral("sk-new")));
        QVERIFY(!done.error().message.contains(QStringLiteral("sk-old")));
        QVERIFY(done.error().message.contains(QStringLiteral("********2222")));
    }

    void reservedKeyIsRefusedOnEveryPersonalWritePath_data()
    {
        QTest::addColumn<int>("source");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("cli") << int(ChangeSource::Cli) << false;
        QTest::newRow("editor") << int(ChangeSource::Editor) << false;
        QTest::newRow("reset") << int(ChangeSource::Reset) << false;
        QTest::newRow("restore") << int(ChangeSource::Restore) << true;
        QTest::newRow("migration") << int(ChangeSource::Migration) << true;
    }
    void reservedKeyIsRefusedOnEveryPersonalWritePath()
    {
        QFETCH(int, source);
        QFETCH(bool, allowed);
        const std::string before = R"({"__internal__":{"migrations":{"version":"1.0.0"}}})";
        QVERIFY(writeByRename(m_path, before));
        SettingsFile file(m_path, {KeyDialect::DotProp10, Schema(), false});
        QVERIFY(file.open());
        // Straight through the store's apply, the path the window used to take.
        auto done =
            file.store().apply({StoreOp::set(key("__internal__.migrations.version"), "9.9.9")},
                               ChangeSource(source), "set");
        QCOMPARE(done.ok(), allowed);
        if (!allowed) {
            QCOMPARE(done.error().code, ErrorCode::Usage);
            QVERIFY(done.error().message.contains(QStringLiteral("reserved")));
            QCOMPARE(readAll(m_path), before);
        }
        auto viaEdit = file.set(key("__internal__.x"), 1, ChangeSource::Editor);
        QCOMPARE(viaEdit.error().code, ErrorCode::Usage);
    }

    void resetIsItsOwnChange()
    {
        QVERIFY(writeByRename(m_path, R"({"theme":"dark","fontSize":20,"ai":{},"list":{}})"));
        SettingsFile file(m_path, {KeyDialect::DotProp10, schemaOf(kSchema), true});
        QVERIFY(file.open());
        QVERIFY(file.defaultValue(key("fontSize")) == std::optional<Json>(Json(14)));
        QVERIFY(file.reset(key("fontSize"), Expected{Json(20)}));
        QVERIFY(file.store().document()["fontSize"] == Json(14));
        const auto entries = file.history()->history().list().value();
        QCOMPARE(entries.front().source, ChangeSource::Reset);
        QCOMPARE(entries.front().operation, std::string("reset"));
        auto none = file.reset(key("list.a"));
        QCOMPARE(none.error().code, ErrorCode::NotFound);
    }

    void deletingBackupsKeepsTheNewestValidAndPinned()
    {
        QVERIFY(writeByRename(m_path, R"({"v":0})"));
        const QString oldest = writeBackup(m_path, R"({"v":1})", 300);
        const QString pinned = writeBackup(m_path, R"({"v":2})", 200);
        const QString newest = writeBackup(m_path, R"({"v":3})", 100);
        SettingsFile file(m_path, {KeyDialect::DotProp10, Schema(), true});
        auto pin = file.backups().pin(pinned, QStringLiteral("restore"));
        QVERIFY(pin);
        auto removal = file.deleteBackups({oldest, pinned, newest});
        QVERIFY(removal);
        QCOMPARE(removal->removed, QStringList{oldest});
        QCOMPARE(removal->kept.size(), size_t(2));
        QCOMPARE(removal->kept[0].first, pinned);
        QCOMPARE(removal->kept[1].first, newest);
        QVERIFY(removal->kept[1].second.contains(QStringLiteral("newest valid")));
        const QString folder = file.backups().directory();
        QVERIFY(!QFileInfo::exists(QDir(folder).filePath(oldest)));
        QVERIFY(QFileInfo::exists(QDir(folder).filePath(newest)));
        // A name that is not a backup fails the whole request.
        auto bad = file.deleteBackups({newest, QStringLiteral("../tad-config.json")});
        QCOMPARE(bad.error().code, ErrorCode::Usage);
        QVERIFY(QFileInfo::exists(m_path));
    }

    void oneMaskingRule_data()
    {
        QTest::addColumn<bool>("withSchema");
        QTest::addColumn<QString>("dotted");
        QTest::addColumn<bool>("secret");
        QTest::newRow("writeOnly string") << true << "ai.apiKey" << true;
        QTest::newRow("not marked") << true << "theme" << false;
        QTest::newRow("name, no schema") << false << "ai.apiKey" << true;
        QTest::newRow("token by name") << false << "sync.token" << true;
        QTest::newRow("password by name") << true << "list.password" << true;
        QTest::newRow("plain name") << false << "ui.zoom" << false;
    }
    void oneMaskingRule()
    {
        QFETCH(bool, withSchema);
        QFETCH(QString, dotted);
        QFETCH(bool, secret);
        SettingsFile file(
            m_path, {KeyDialect::DotProp10, withSchema ? schemaOf(kSchema) : Schema(), false});
        const KeyPath path = KeyPath::parse(dotted.toStdString()).value();
        QCOMPARE(file.isSecret(path), secret);
        const Json shown = file.masked(Json("abcdefghijklmnopqrstuvwxyz"), path);
        QCOMPARE(shown == Json("abcdefghijklmnopqrstuvwxyz"), !secret);
    }

    void secretsOfEveryTypeAreMaskedWhole()
    {
        SettingsFile file(m_path, {KeyDialect::DotProp10, schemaOf(kSchema), false});
        const Json doc =
            parseValue(
                R"({"ai":{"apiKey":["k1-aaaaaaaaaaaa","k2-bbbbbbbbbbbb"]},"x":{"password":{"a":1}}})")
                .value();
        const std::string shown = compactJson(file.masked(doc));
        QCOMPARE(shown, std::string(R"({"ai":{"apiKey":"********"},"x":{"password":"********"}})"));
        const Json patch =
            parseValue(R"([{"op":"replace","path":"/ai","value":{"apiKey":"sk-123456789012345"}}])")
                .value();
        QCOMPARE(
            compactJson(file.maskedPatch(patch)),
            std::string(R"([{"op":"replace","path":"/ai","value":{"apiKey":"********2345"}}])"));
    }

    void restoreWritesOnlyWhatWasPreviewed()
    {
        QVERIFY(writeByRename(m_path, R"({"theme":"dark","fontSize":20})"));
        const QString backup = writeBackup(m_path, R"({"theme":"light","fontSize":14})", 60);
        SettingsFile file(m_path, {KeyDialect::DotProp10, Schema(), true});
        QVERIFY(file.open());
        auto plan = file.planRestore(backup);
        QVERIFY(plan);
        QCOMPARE(plan->ops.size(), size_t(2));

        // The running app changes a previewed key: the restore is refused.
        QVERIFY(writeByRename(m_path, R"({"theme":"dark","fontSize":22})"));
        auto refused = file.restore(*plan);
        QCOMPARE(refused.error().code, ErrorCode::Conflict);
        QCOMPARE(readAll(m_path), std::string(R"({"theme":"dark","fontSize":22})"));

        // A key the preview did not show survives a restore made meanwhile.
        plan = file.planRestore(backup);
        QVERIFY(plan);
        QVERIFY(writeByRename(m_path, R"({"theme":"dark","fontSize":22,"extra":1})"));
        auto restored = file.restore(*plan);
        QVERIFY2(restored, qPrintable(restored ? QString() : restored.error().message));
        QCOMPARE(readAll(m_path), std::string(R"({"theme":"light","fontSize":14,"extra":1})"));
        QCOMPARE(restored->recorded.size(), size_t(1));
        QCOMPARE(restored->recorded.front().source, ChangeSource::Restore);
    }

    void restorePreviewNamesTheViolationsItWouldAdd()
    {
        QVERIFY(writeByRename(m_path, R"({"theme":"dark","fontSize":20,"ai":{},"list":{}})"));
        const QString backup =
            writeBackup(m_path, R"({"theme":"dark","fontSize":99,"ai":{},"list":{}})", 60);
        SettingsFile file(m_path, {KeyDialect::DotProp10, schemaOf(kSchema), true});
        QVERIFY(file.open());
        auto plan = file.planRestore(backup);
        QVERIFY(plan);
        const auto added = file.restoreViolations(*plan);
        QCOMPARE(added.size(), size_t(1));
        QCOMPARE(added.front().pointer, std::string("/fontSize"));
        auto refused = file.restore(*plan);
        QCOMPARE(refused.error().code, ErrorCode::SchemaRejected);
        QCOMPARE(readAll(m_path),
                 std::string(R"({"theme":"dark","fontSize":20,"ai":{},"list":{}})"));
    }

    void recoverRestoresNewestGoodBackup()
    {
        writeBackup(m_path, R"({"theme":"light"})", 300);
        const QString good = writeBackup(m_path, R"({"theme":"dark"})", 200);
        writeBackup(m_path, R"({"theme":)", 100);       // newer, but does not parse
        writeBackup(m_path, R"({"theme":"blue"})", 50); // newer, but fails the schema
        const std::string brokenBytes = R"({"theme":"dark",)";
        QVERIFY(writeByRename(m_path, brokenBytes));

        SettingsFile file(m_path, {KeyDialect::DotProp10, schemaOf(kSchema), true});
        QVERIFY(!file.open());
        auto plan = file.planRecovery();
        QVERIFY2(plan, qPrintable(plan ? QString() : plan.error().toString()));
        QCOMPARE(plan->state, RecoveryPlan::FileState::Broken);
        QCOMPARE(plan->backup.info.name, good);
        QCOMPARE(plan->skipped.size(), 2);
        // Planning writes nothing.
        QCOMPARE(readAll(m_path), brokenBytes);
        QVERIFY(listBadCopies(m_path).isEmpty());

        auto outcome = file.recover(*plan);
        QVERIFY2(outcome, qPrintable(outcome ? QString() : outcome.error().toString()));
        QCOMPARE(readAll(m_path), std::string(R"({"theme":"dark"})"));
        // One copy of the broken bytes, the watcher's kind, and no other.
        QCOMPARE(listBadCopies(m_path), QStringList{outcome->keptCopy});
        QCOMPARE(readAll(outcome->keptCopy), brokenBytes);
        QVERIFY(file.store().isOpen());
        QVERIFY(file.store().document()["theme"] == Json("dark"));
    }

    void recoveryIsRecordedUnderItsOwnSource()
    {
        QVERIFY(writeByRename(m_path, R"({"theme":"light"})"));
        const QString good = writeBackup(m_path, R"({"theme":"dark"})", 100);
        {
            SettingsFile first(m_path, {KeyDialect::DotProp10, Schema(), true});
            QVERIFY(first.open()); // the history's base: {"theme":"light"}
        }
        QVERIFY(writeByRename(m_path, "{not json"));
        SettingsFile file(m_path, {KeyDialect::DotProp10, Schema(), true});
        QVERIFY(!file.open());
        auto plan = file.planRecovery();
        QVERIFY(plan);
        QVERIFY(file.recover(*plan));
        const auto entries = file.history()->history().list().value();
        QVERIFY(!entries.empty());
        QCOMPARE(entries.front().source, ChangeSource::Recovery);
        QCOMPARE(entries.front().operation, std::string("recover"));
        QVERIFY(entries.front().label.contains(good));
        for (const auto &entry : entries)
            QVERIFY(entry.source != ChangeSource::External);
    }

    void recoverRefusesAHealthyFileWithoutForce()
    {
        const QString older = writeBackup(m_path, R"({"v":1})", 100);
        writeBackup(m_path, R"({"v":2})", 10);
        QVERIFY(writeByRename(m_path, R"({"v":3})"));
        SettingsFile file(m_path, {KeyDialect::DotProp10, Schema(), true});
        QVERIFY(file.open());
        auto plan = file.planRecovery(older);
        QVERIFY(plan);
        QCOMPARE(plan->state, RecoveryPlan::FileState::Healthy);
        auto refused = file.recover(*plan);
        QCOMPARE(refused.error().code, ErrorCode::Usage);
        QVERIFY(refused.error().message.contains(QStringLiteral("--force")));
        QCOMPARE(readAll(m_path), std::string(R"({"v":3})"));

        auto forced = file.recover(*plan, true);
        QVERIFY2(forced, qPrintable(forced ? QString() : forced.error().message));
        QCOMPARE(readAll(m_path), std::string(R"({"v":1})"));
        // The healthy content went to a before-restore backup, not a .bad- copy.
        QVERIFY(QFileInfo(forced->keptCopy).fileName().startsWith(QStringLiteral("backup-")));
        QCOMPARE(readAll(forced->keptCopy), std::string(R"({"v":3})"));
        QVERIFY(listBadCopies(m_path).isEmpty());
        QCOMPARE(file.history()->history().list()->front().source, ChangeSource::Recovery);

        auto absent =
            file.planRecovery(QStringLiteral("backup-2020-01-01T00-00-00-000Z-00000000.json"));
        QCOMPARE(absent.error().code, ErrorCode::NotFound);
    }

    void recoverRefusesUnsafeNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("parent") << QStringLiteral("../tad-config.json");
        QTest::newRow("absolute") << QStringLiteral("/etc/passwd");
        QTest::newRow("inside with dir")
            << QStringLiteral("x/backup-2024-01-01T00-00-00-000Z-1a2b3c4d.json");
        QTest::newRow("no pattern") << QStringLiteral("tad-config.json");
        QTest::newRow("dotdot suffix")
            << QStringLiteral("backup-2024-01-01T00-00-00-000Z-1a2b3c4d.json/..");
        QTest::newRow("windows") << QStringLiteral(
            "..\\backup-2024-01-01T00-00-00-000Z-1a2b3c4d.json");
        QTest::newRow("meta file")
            << QStringLiteral("backup-2024-01-01T00-00-00-000Z-1a2b3c4d.json.meta.json");
    }
    void recoverRefusesUnsafeNames()
    {
        QFETCH(QString, name);
        QVERIFY(writeByRename(m_path, "{"));
        SettingsFile file(m_path, {KeyDialect::DotProp10, Schema(), true});
        auto plan = file.planRecovery(name);
        QVERIFY(!plan);
        QCOMPARE(plan.error().code, ErrorCode::Usage);
        QCOMPARE(readAll(m_path), std::string("{"));
    }

    void recoveryIsRefusedWhenTheFileChangesMeanwhile()
    {
        writeBackup(m_path, R"({"theme":"dark"})", 100);
        QVERIFY(writeByRename(m_path, "{broken"));
        SettingsFile file(m_path, {KeyDialect::DotProp10, Schema(), true});
        auto plan = file.planRecovery();
        QVERIFY(plan);
        // The other writer repairs the file between the preview and the write.
        QVERIFY(writeByRename(m_path, R"({"theme":"light","fixed":true})"));
        auto outcome = file.recover(*plan);
        QCOMPARE(outcome.error().code, ErrorCode::Conflict);
        QCOMPARE(readAll(m_path), std::string(R"({"theme":"light","fixed":true})"));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;

    // The window's edits and the CLI's meet the same rules here, as Results.
    void tooDeepIsRefusedWhateverItsDepth_data()
    {
        QTest::addColumn<int>("segments");
        QTest::addColumn<int>("valueDepth");
        QTest::newRow("1,001 segments") << 1001 << 0;
        QTest::newRow("100,000 segments") << 100000 << 0;
        QTest::newRow("a value 1,000 deep") << 1 << 1000;
        QTest::newRow("a value 300,000 deep") << 1 << 300000;
        QTest::newRow("999 segments, a value 2 deep") << 999 << 2;
    }
    void tooDeepIsRefusedWhateverItsDepth()
    {
        QFETCH(int, segments);
        QFETCH(int, valueDepth);
        QVERIFY(writeByRename(m_path, R"({"a":1})"));
        SettingsFile file(m_path, {KeyDialect::DotProp10, Schema(), true});
        QVERIFY(file.open());
        // Built without recursion, so only the code under test could overflow.
        Json value = 1;
        for (int i = 0; i < valueDepth; ++i) {
            Json outer = Json::array();
            outer.push_back(std::move(value));
            value = std::move(outer);
        }
        const auto path = KeyPath::fromSegments(std::vector<std::string>(size_t(segments), "k"));
        auto done = file.set(path, std::move(value), ChangeSource::Editor);
        QVERIFY(!done);
        QCOMPARE(done.error().code, ErrorCode::Usage);
        QVERIFY2(done.error().message.contains(QStringLiteral("limit of 1000 levels")),
                 qPrintable(done.error().message));
        QCOMPARE(readAll(m_path), std::string(R"({"a":1})"));
        QVERIFY(file.history()->history().list()->empty());
        // At the limit it is written and reads back.
        QVERIFY(file.set(KeyPath::fromSegments(std::vector<std::string>(1000, "k")), Json(1),
                         ChangeSource::Editor));
        QVERIFY(parseDocument(readAll(m_path)).ok());
    }

    void readOnlyFileIsRefused()
    {
        QVERIFY(writeByRename(m_path, R"({"a":1})"));
        QVERIFY(QFile::setPermissions(m_path, QFile::ReadOwner));
        SettingsFile file(m_path, {KeyDialect::DotProp10, Schema(), true});
        QVERIFY(file.open());
        auto done = file.set(KeyPath::fromSegments({"a"}), Json(2), ChangeSource::Editor);
        QVERIFY(!done);
        QCOMPARE(done.error().code, ErrorCode::Unreadable);
        QVERIFY2(done.error().message.contains(QStringLiteral("chmod u+w")),
                 qPrintable(done.error().message));
        QCOMPARE(readAll(m_path), std::string(R"({"a":1})"));
    }

    // The window asks, then goes ahead with requireBackup off for that change.
    void failedSafetyNetIsRefusedThenAllowed()
    {
        QVERIFY(writeByRename(m_path, R"({"settings":{"theme":"dark"}})"));
        QVERIFY(writeByRename(m_dir->filePath(QStringLiteral("backups")), "a file"));
        SettingsFile file(m_path, {KeyDialect::DotProp10, Schema(), true});
        QVERIFY(file.open());
        const auto theme = KeyPath::fromSegments({"settings", "theme"});
        auto refused = file.set(theme, Json("light"), ChangeSource::Editor);
        QVERIFY(!refused);
        QVERIFY(refused.error().safetyNet);
        QCOMPARE(refused.error().code, ErrorCode::Unreadable);
        QVERIFY(file.takeProblems().empty());
        QCOMPARE(readAll(m_path), std::string(R"({"settings":{"theme":"dark"}})"));

        file.setRequireBackup(false);
        QVERIFY(file.set(theme, Json("light"), ChangeSource::Editor));
        file.setRequireBackup(true);
        QCOMPARE(readAll(m_path), std::string(R"({"settings":{"theme":"light"}})"));
        const auto problems = file.takeProblems();
        QCOMPARE(problems.size(), size_t(1));
        QVERIFY(problems.front().message.startsWith(QStringLiteral("changed without a backup")));
        QVERIFY(file.takeProblems().empty());
    }
};

QTEST_GUILESS_MAIN(TestSettingsFile)
#include "tst_settingsfile.moc"
