// SettingsTreeModel: building, following change events in place, JS key
// order, states from the schema. Every case runs under QAbstractItemModelTester.
#include "settings/SettingsTreeModel.h"

#include "json/JsonText.h"
#include <QAbstractItemModelTester>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace tad;

namespace {

Json parse(const char *text)
{
    auto parsed = parseValue(text);
    if (!parsed)
        qFatal("bad test JSON: %s", text);
    return parsed.value();
}

ChangeEvent changeEvent(const char *key, const char *value,
                        ChangeSource source = ChangeSource::External)
{
    ChangeEvent e;
    e.key = key;
    e.path = *KeyPath::parse(e.key); // as the store sends it: typed too
    if (value)
        e.newValue = parse(value);
    e.source = source;
    return e;
}

SchemaHints testSchema()
{
    return SchemaHints::fromFile(QStringLiteral(TAD_SOURCE_DIR "/tests/ui/data/tad-schema.json"));
}

} // namespace

class TestSettingsTreeModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void followsChangesInPlace_data();
    void followsChangesInPlace();
    void keepsUntouchedRowsAlive();
    void aMemberChangeShowsInEveryRowAbove();
    void ordersKeysLikeJavaScript();
    void asksForResyncUnderMissingParent();
    void statesComeFromSchema();
    void partsOfASecretAreMasked();
    void editsLeaveAsRequests();
};

void TestSettingsTreeModel::followsChangesInPlace_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value"); // "" removes the key
    QTest::addColumn<QString>("after");

    QTest::newRow("scalar changes") << R"({"a":{"b":1}})"
                                    << "a.b"
                                    << "2"
                                    << R"({"a":{"b":2}})";
    QTest::newRow("scalar type changes") << R"({"a":1})"
                                         << "a"
                                         << R"("x")"
                                         << R"({"a":"x"})";
    QTest::newRow("key added") << R"({"a":{"b":1}})"
                               << "a.c"
                               << "true"
                               << R"({"a":{"b":1,"c":true}})";
    QTest::newRow("key removed") << R"({"a":{"b":1,"c":2}})"
                                 << "a.b"
                                 << ""
                                 << R"({"a":{"c":2}})";
    QTest::newRow("scalar becomes object") << R"({"a":1})"
                                           << "a"
                                           << R"({"x":{"y":[1,2]}})"
                                           << R"({"a":{"x":{"y":[1,2]}}})";
    QTest::newRow("object becomes scalar") << R"({"a":{"x":{"y":1}}})"
                                           << "a"
                                           << "null"
                                           << R"({"a":null})";
    QTest::newRow("array grows") << R"({"l":["a"]})"
                                 << "l"
                                 << R"(["a","b","c"])"
                                 << R"({"l":["a","b","c"]})";
    QTest::newRow("array shrinks") << R"({"l":["a","b","c"]})"
                                   << "l"
                                   << R"(["b"])"
                                   << R"({"l":["b"]})";
    QTest::newRow("object members reshuffled") << R"({"o":{"a":1,"b":2,"c":3}})"
                                               << "o"
                                               << R"({"c":3,"d":4,"a":1})"
                                               << R"({"o":{"c":3,"d":4,"a":1}})";
    QTest::newRow("members removed and added") << R"({"o":{"a":1,"b":2,"c":3,"d":4}})"
                                               << "o"
                                               << R"({"a":1,"x":9,"d":5,"y":[]})"
                                               << R"({"o":{"a":1,"x":9,"d":5,"y":[]}})";
    QTest::newRow("array element set") << R"({"l":[1,2,3]})"
                                       << "l.1"
                                       << R"({"k":1})"
                                       << R"({"l":[1,{"k":1},3]})";
    QTest::newRow("array element deleted leaves null") << R"({"l":[1,2,3]})"
                                                       << "l.1"
                                                       << ""
                                                       << R"({"l":[1,null,3]})";
    QTest::newRow("array element appended") << R"({"l":[1]})"
                                            << "l.1"
                                            << "2"
                                            << R"({"l":[1,2]})";
    QTest::newRow("whole document") << R"({"a":1,"b":{"c":2}})"
                                    << ""
                                    << R"({"b":{"c":3},"z":0})"
                                    << R"({"b":{"c":3},"z":0})";
    QTest::newRow("escaped dot key") << R"({"a.b":1})"
                                     << R"(a\.b)"
                                     << "5"
                                     << R"({"a.b":5})";
}

void TestSettingsTreeModel::followsChangesInPlace()
{
    QFETCH(QString, before);
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, after);

    SettingsTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.resetDocument(parse(before.toUtf8().constData()));
    QSignalSpy resets(&model, &QAbstractItemModel::modelAboutToBeReset);

    ChangeEvent e;
    e.key = key.toStdString();
    e.path = *KeyPath::parse(e.key);
    if (!value.isEmpty())
        e.newValue = parse(value.toUtf8().constData());
    e.source = ChangeSource::External;
    if (key.isEmpty()) {
        QVERIFY(model.syncValue({}, e.newValue, true));
    } else {
        model.applyChange(e);
    }
    QCOMPARE(resets.count(), 0);
    const Json expected = parse(after.toUtf8().constData());
    const Json actual = *model.valueOf(QModelIndex());
    QVERIFY2(jsEqual(actual, expected), compactJson(actual).c_str());
    // Member order follows the new document as JavaScript would list it.
    QCOMPARE(QString::fromStdString(compactJson(actual)),
             QString::fromStdString(compactJson(expected)));
}

void TestSettingsTreeModel::keepsUntouchedRowsAlive()
{
    SettingsTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.resetDocument(parse(R"({"a":{"x":1,"y":2},"b":{"z":3},"c":4})"));
    const QPersistentModelIndex y = model.indexForKey(QStringLiteral("a.y"));
    const QPersistentModelIndex c = model.indexForKey(QStringLiteral("c"));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    model.applyChange(changeEvent("a.x", nullptr));   // remove a.x
    model.applyChange(changeEvent("b.w", "\"new\"")); // add b.w
    model.applyChange(changeEvent("c", "5"));

    QCOMPARE(removed.count(), 1);
    QCOMPARE(inserted.count(), 1);
    QVERIFY(changed.count() >= 1);
    QVERIFY(y.isValid());
    QCOMPARE(y.row(), 0); // moved up after a.x left
    QCOMPARE(model.keyOf(y), QStringLiteral("a.y"));
    QCOMPARE(c.sibling(c.row(), SettingsTreeModel::ValueColumn).data().toString(),
             QStringLiteral("5"));
}

// A container's row sums up its members: the change of one is signalled
// for each row above it, so a view paints the new summary at once.
void TestSettingsTreeModel::aMemberChangeShowsInEveryRowAbove()
{
    SettingsTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.resetDocument(parse("{\"user\":{\"profile\":{\"name\":\"Ada\",\"email\":\"a@x\"}}}"));
    const QModelIndex user =
        model.indexForKey(QStringLiteral("user"), SettingsTreeModel::ValueColumn);
    const QModelIndex profile =
        model.indexForKey(QStringLiteral("user.profile"), SettingsTreeModel::ValueColumn);
    const QString before = profile.data().toString();
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.applyChange(changeEvent("user.profile.name", "\"Grace\"", ChangeSource::Editor));
    QSet<QString> rows;
    for (const auto &args : changed)
        rows << model.keyOf(args.at(0).value<QModelIndex>());
    QVERIFY2(rows.contains(QStringLiteral("user.profile.name")) &&
                 rows.contains(QStringLiteral("user.profile")) &&
                 rows.contains(QStringLiteral("user")),
             qPrintable(QStringList(rows.values()).join(QLatin1Char(' '))));
    QVERIFY2(profile.data().toString() != before, qPrintable(profile.data().toString()));
    QVERIFY2(profile.data().toString().contains(QStringLiteral("Grace")),
             qPrintable(profile.data().toString()));
    QVERIFY(user.isValid());
}

void TestSettingsTreeModel::ordersKeysLikeJavaScript()
{
    SettingsTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.resetDocument(parse(R"({"b":1,"10":2,"a":3,"2":4})"));
    QStringList keys;
    for (int row = 0; row < model.rowCount(); ++row)
        keys << model.index(row, 0).data().toString();
    QCOMPARE(keys, (QStringList{"2", "10", "b", "a"}));
    model.applyChange(changeEvent("5", "0"));
    model.applyChange(changeEvent("c", "0"));
    keys.clear();
    for (int row = 0; row < model.rowCount(); ++row)
        keys << model.index(row, 0).data().toString();
    QCOMPARE(keys, (QStringList{"2", "5", "10", "b", "a", "c"}));
}

void TestSettingsTreeModel::asksForResyncUnderMissingParent()
{
    SettingsTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.resetDocument(parse(R"({"a":1,"l":[1]})"));
    QSignalSpy resync(&model, &SettingsTreeModel::resyncNeeded);
    model.applyChange(changeEvent("x.y.z", "1", ChangeSource::Editor));
    QCOMPARE(resync.count(), 1);
    QCOMPARE(resync.at(0).at(0).toStringList(), QStringList{"x"});
    model.applyChange(changeEvent("l.4", "1", ChangeSource::Editor)); // dot-prop pads with nulls
    QCOMPARE(resync.count(), 2);
    QCOMPARE(resync.at(1).at(0).toStringList(), QStringList{"l"});
    QVERIFY(model.syncValue({"l"}, parse("[1,null,null,null,1]"), false));
    QCOMPARE(model.rowCount(model.indexForKey(QStringLiteral("l"))), 5);
}

// What a secret holds is masked wherever it shows: its members, its items
// and a list's one-line summary.
void TestSettingsTreeModel::partsOfASecretAreMasked()
{
    SettingsTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSchema(testSchema());
    model.resetDocument(parse(
        R"({"sync":{"secret":{"id":"plain-id-000","value":"very-long-secret-value-1234"}},"keys":{"apiKey":["sk-aaaaaaaaaaaaaaaa1111"]}})"));
    const auto shown = [&](const char *key) {
        return model.indexForKey(QString::fromLatin1(key), SettingsTreeModel::ValueColumn)
            .data()
            .toString();
    };
    QVERIFY2(!shown("sync.secret.value").contains(QStringLiteral("very-long")),
             qPrintable(shown("sync.secret.value")));
    QVERIFY(!shown("sync.secret.id").contains(QStringLiteral("plain-id")));
    QVERIFY2(!shown("keys.apiKey").contains(QStringLiteral("sk-aaaa")),
             qPrintable(shown("keys.apiKey")));
    QVERIFY(!shown("keys.apiKey.0").contains(QStringLiteral("sk-aaaa")));
    const QString searchable = model.indexForKey(QStringLiteral("sync.secret.value"))
                                   .data(SettingsTreeModel::SearchTextRole)
                                   .toString();
    QVERIFY(!searchable.contains(QStringLiteral("very-long")));
}

void TestSettingsTreeModel::statesComeFromSchema()
{
    SettingsTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSchema(testSchema());
    model.resetDocument(parse(
        R"({"settings":{"theme":"dark","fontSize":14,"autoSave":"yes"},"ai":{"apiKey":"sk-1234567890abcd","provider":"anthropic"}})"));
    const auto state = [&](const char *key) {
        return model.indexForKey(QString::fromLatin1(key))
            .data(SettingsTreeModel::StateRole)
            .toInt();
    };
    QVERIFY(state("settings.theme") & SettingsTreeModel::Modified);
    QVERIFY(state("settings.fontSize") & SettingsTreeModel::AtDefault);
    QVERIFY(state("settings.autoSave") & SettingsTreeModel::Invalid);
    QCOMPARE(model.problemOf(model.indexForKey(QStringLiteral("settings.autoSave"))),
             QStringLiteral("must be boolean"));
    const QModelIndex theme =
        model.indexForKey(QStringLiteral("settings.theme"), SettingsTreeModel::ValueColumn);
    QCOMPARE(theme.data().toString(), QStringLiteral("Dark"));
    const QModelIndex key =
        model.indexForKey(QStringLiteral("ai.apiKey"), SettingsTreeModel::ValueColumn);
    QVERIFY(!key.data().toString().contains(QStringLiteral("sk-1234567890")));
    QVERIFY(key.data().toString().endsWith(QStringLiteral("abcd")));
    model.setRevealed(key, true);
    QCOMPARE(key.data().toString(), QStringLiteral("sk-1234567890abcd"));

    model.applyChange(changeEvent("settings.theme", "\"auto\""));
    QVERIFY(state("settings.theme") & SettingsTreeModel::AtDefault);
    QVERIFY(state("settings.theme") & SettingsTreeModel::ChangedExternally);
}

void TestSettingsTreeModel::editsLeaveAsRequests()
{
    SettingsTreeModel model;
    model.resetDocument(parse(R"({"a":{"on":true,"n":1}})"));
    QSignalSpy requests(&model, &SettingsTreeModel::editRequested);
    const QModelIndex on =
        model.indexForKey(QStringLiteral("a.on"), SettingsTreeModel::ValueColumn);
    QVERIFY(model.flags(on) & Qt::ItemIsUserCheckable);
    QVERIFY(model.setData(on, Qt::Unchecked, Qt::CheckStateRole));
    const QModelIndex n = model.indexForKey(QStringLiteral("a.n"), SettingsTreeModel::ValueColumn);
    QVERIFY(model.setData(n, QStringLiteral("[1,2]"), SettingsTreeModel::JsonTextRole));
    QVERIFY(!model.setData(n, QStringLiteral("[1,"), SettingsTreeModel::JsonTextRole));
    QCOMPARE(requests.count(), 2);
    QCOMPARE(requests.at(0).at(0).toString(), QStringLiteral("a.on"));
    QVERIFY(jsEqual(requests.at(0).at(1).value<Json>(), Json(false)));
    // The model itself does not change until the store reports the write.
    QCOMPARE(n.data().toString(), QStringLiteral("1"));
}

QTEST_MAIN(TestSettingsTreeModel)
#include "tst_settingstreemodel.moc"
