// The diff viewer on its own: kinds by symbol and colour, schema notes
// (back to default, now invalid, secret changed and masked), both sides
// pretty-printed with the changed line marked, and the RFC 6902 export that
// turns the old document into the new one.
#include "GuiTestHelpers.h"
#include "history/DiffView.h"
#include "history/JsonPatch.h"
#include "history/PatchChanges.h"
#include "schema/Defaults.h"

#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>

using namespace tad;

namespace {

Json demo()
{
    const QByteArray bytes = guitest::readBytes(guitest::demoConfig());
    return parseDocument(std::string_view(bytes.constData(), size_t(bytes.size())))->value;
}

Schema testSchema()
{
    return Schema::fromFile(guitest::testSchema()).value();
}

QTreeWidgetItem *rowOf(DiffView &view, const QString &key)
{
    auto *list = view.operationsList();
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        if (list->topLevelItem(i)->text(DiffView::KeyColumn) == key)
            return list->topLevelItem(i);
    return nullptr;
}

} // namespace

class TestDiffView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void kindsHaveSymbolAndColour();
    void schemaNotes_data();
    void schemaNotes();
    void secretsAreMasked();
    void exportedPatchTurnsBeforeIntoAfter();
    void entryDiffTakesOldValuesFromInverse();
    void entryDiffNotesValuesTheSchemaRefuses();
    void entryDiffListsWhatTheCoreListsForIt();
    void emptyDiffSaysSo();
};

void TestDiffView::kindsHaveSymbolAndColour()
{
    Json before = demo();
    Json after = before;
    after["settings"]["theme"] = "light";
    after["settings"].erase("autoSave");
    after["extra"] = 1;
    DiffView view;
    view.showDiff(diffDocuments(before, after, Schema(), QStringLiteral("A"), QStringLiteral("B")));
    QCOMPARE(view.operationsList()->topLevelItemCount(), 3);
    auto *changed = rowOf(view, QStringLiteral("settings.theme"));
    auto *removed = rowOf(view, QStringLiteral("settings.autoSave"));
    auto *added = rowOf(view, QStringLiteral("extra"));
    QVERIFY(changed && removed && added);
    QCOMPARE(changed->text(DiffView::KindColumn), QStringLiteral("~ changed"));
    QCOMPARE(removed->text(DiffView::KindColumn),
             QString(QChar(0x2212)) + QStringLiteral(" removed"));
    QCOMPARE(added->text(DiffView::KindColumn), QStringLiteral("+ added"));
    QCOMPARE(changed->text(DiffView::OldColumn), QStringLiteral("\"dark\""));
    QCOMPARE(changed->text(DiffView::NewColumn), QStringLiteral("\"light\""));
    QVERIFY(added->foreground(DiffView::KindColumn).color() !=
            removed->foreground(DiffView::KindColumn).color());
    // Selecting an operation marks its line on both sides.
    view.operationsList()->setCurrentItem(changed);
    QVERIFY(view.afterText()
                ->lineText(view.afterText()->markedLine())
                .contains(QStringLiteral("\"theme\": \"light\"")));
    QVERIFY(view.beforeText()
                ->lineText(view.beforeText()->markedLine())
                .contains(QStringLiteral("\"theme\": \"dark\"")));
}

void TestDiffView::schemaNotes_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("note");
    QTest::newRow("back to default") << "settings.fontSize"
                                     << "16"
                                     << "back to default";
    QTest::newRow("now invalid") << "settings.fontSize"
                                 << "99"
                                 << "now invalid: must be <= ";
    QTest::newRow("plain change") << "settings.fontSize"
                                  << "15"
                                  << "";
}

void TestDiffView::schemaNotes()
{
    QFETCH(QString, key);
    QFETCH(QString, json);
    QFETCH(QString, note);
    const Schema schema = testSchema();
    const auto fallback = schemaDefaultFor(schema, {"settings", "fontSize"});
    QVERIFY(fallback);
    Json before = demo();
    before["settings"]["fontSize"] = 13;
    Json after = before;
    after["settings"]["fontSize"] = note == QLatin1String("back to default")
                                        ? *fallback
                                        : parseValue(json.toStdString()).value();
    DiffView view;
    view.showDiff(diffDocuments(before, after, schema, {}, {}));
    auto *row = rowOf(view, key);
    QVERIFY(row);
    if (note.isEmpty())
        QCOMPARE(row->text(DiffView::NoteColumn), QString());
    else
        QVERIFY2(row->text(DiffView::NoteColumn).startsWith(note),
                 qPrintable(row->text(DiffView::NoteColumn)));
}

void TestDiffView::secretsAreMasked()
{
    const Schema schema = testSchema();
    Json before = demo();
    Json after = before;
    after["ai"]["apiKey"] = "sk-live-abcdefghijklmnop9876";
    DiffView view;
    view.setSchema(schema);
    view.showDiff(diffDocuments(before, after, schema, {}, {}));
    auto *row = rowOf(view, QStringLiteral("ai.apiKey"));
    QVERIFY(row);
    QVERIFY(row->text(DiffView::NoteColumn).contains(QStringLiteral("secret changed")));
    QVERIFY(!row->text(DiffView::NewColumn).contains(QStringLiteral("abcdefgh")));
    QVERIFY(row->text(DiffView::NewColumn).contains(QStringLiteral("9876")));
    QVERIFY(!view.afterText()->toPlainText().contains(QStringLiteral("abcdefgh")));
    QVERIFY(!view.beforeText()->toPlainText().contains(QStringLiteral("sk-demo-0000")));
}

void TestDiffView::exportedPatchTurnsBeforeIntoAfter()
{
    QTemporaryDir dir;
    Json before = demo();
    Json after = before;
    after["settings"]["theme"] = "light";
    after["workspaces"].erase("notes");
    after["recent"] = Json::array({"a", "b"});
    DiffView view;
    view.showDiff(diffDocuments(before, after, Schema(), {}, {}));
    const QString path = dir.filePath(QStringLiteral("patch.json"));
    view.setExportPathAsker([&] { return path; });
    view.findChild<QPushButton *>(QStringLiteral("exportPatch"))->click();
    const QByteArray bytes = guitest::readBytes(path);
    auto patch = parseValue(std::string_view(bytes.constData(), size_t(bytes.size())));
    QVERIFY(patch);
    QVERIFY(patch->is_array());
    QCOMPARE(patch->size(), size_t(3));
    for (const auto &op : *patch)
        QVERIFY(op.contains("op") && op.contains("path"));
    Json applied = before;
    QVERIFY(applyPatch(applied, *patch));
    QVERIFY(applied == after);
    QVERIFY(view.message().contains(path));
}

void TestDiffView::entryDiffTakesOldValuesFromInverse()
{
    Json before = demo();
    Json after = before;
    after["settings"]["fontSize"] = 18;
    after["user"].erase("name");
    const ChangeSet change = makeChangeSet(before, after);
    DiffView view;
    view.showDiff(diffFromPatch(change.patch, change.inverse, Schema(), {}, {}));
    auto *font = rowOf(view, QStringLiteral("settings.fontSize"));
    auto *name = rowOf(view, QStringLiteral("user.name"));
    QVERIFY(font && name);
    QCOMPARE(font->text(DiffView::OldColumn), QStringLiteral("14"));
    QCOMPARE(font->text(DiffView::NewColumn), QStringLiteral("18"));
    QCOMPARE(name->text(DiffView::OldColumn), QStringLiteral("\"Ada Demo\""));
    QCOMPARE(name->text(DiffView::NewColumn), QString());
}

void TestDiffView::entryDiffNotesValuesTheSchemaRefuses()
{
    const Schema schema = testSchema();
    Json before = demo();
    Json after = before;
    after["settings"]["fontSize"] = 99;   // above the maximum of 24
    after["settings"]["theme"] = "light"; // fine
    const ChangeSet change = makeChangeSet(before, after);
    DiffView view;
    view.showDiff(diffFromPatch(change.patch, change.inverse, schema, {}, {}));
    auto *font = rowOf(view, QStringLiteral("settings.fontSize"));
    auto *theme = rowOf(view, QStringLiteral("settings.theme"));
    QVERIFY(font && theme);
    QVERIFY2(
        font->text(DiffView::NoteColumn).contains(QStringLiteral("now invalid: must be <= 24")),
        qPrintable(font->text(DiffView::NoteColumn)));
    QVERIFY(!theme->text(DiffView::NoteColumn).contains(QStringLiteral("invalid")));
}

// A guarded entry (a `test` before its change, as the window's edits are
// written): the window shows the changes the core describes for the command
// line's `history show`, with the same old and new values, and no row for
// the guard.
void TestDiffView::entryDiffListsWhatTheCoreListsForIt()
{
    Json before = demo();
    Json after = before;
    after["settings"]["fontSize"] = 18;
    after["settings"]["theme"] = "light";
    const ChangeSet change = makeChangeSet(before, after);
    Json patch = Json::array();
    patch.push_back(Json::parse(R"({"op":"test","path":"/settings/fontSize","value":14})"));
    Json inverse = change.inverse;
    for (auto &undo : inverse)
        if (undo.contains("of"))
            undo["of"] = undo["of"].get<int>() + 1;
    for (const auto &op : change.patch)
        patch.push_back(op);
    const auto described = changesOf(patch, inverse);
    QCOMPARE(described.size(), size_t(2));
    DiffView view;
    view.showDiff(diffFromPatch(patch, inverse, Schema(), {}, {}));
    QCOMPARE(view.operationsList()->topLevelItemCount(), int(described.size()));
    for (const auto &c : described) {
        auto *row = rowOf(view, QString::fromStdString(pointerToKey(c.pointer)));
        QVERIFY2(row, c.pointer.c_str());
        QCOMPARE(row->text(DiffView::OldColumn),
                 c.before ? QString::fromStdString(compactJson(*c.before)) : QString());
        QCOMPARE(row->text(DiffView::NewColumn),
                 c.after ? QString::fromStdString(compactJson(*c.after)) : QString());
    }
}

void TestDiffView::emptyDiffSaysSo()
{
    DiffView view;
    view.showDiff(diffDocuments(demo(), demo(), Schema(), {}, {}));
    auto *empty = view.findChild<QLabel *>(QStringLiteral("diffEmpty"));
    QVERIFY(empty->isVisibleTo(&view));
    QVERIFY(empty->text().contains(QStringLiteral("No differences")));
}

QTEST_MAIN(TestDiffView)
#include "tst_diffview.moc"
