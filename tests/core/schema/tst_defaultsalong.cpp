// applySchemaDefaultsAlong against the whole fill: after any change to a
// document that had all its defaults, filling only along the changed key
// gives the same document, member order included, as filling all of it.
// On the shipped schema with generated documents, and on schemas made to
// reach every rule of the fill (allOf, $ref, patternProperties,
// additionalProperties, items, defaults with defaults inside).
#include "SchemaTestData.h"
#include "schema/Defaults.h"

#include "json/JsonText.h"
#include <QTest>

using namespace tad;

namespace {

// Every key path in `doc` (objects and arrays), and one new member under
// each object, so a change can land anywhere.
void collectPaths(const Json &node, std::vector<std::string> &prefix,
                  std::vector<std::vector<std::string>> &out)
{
    if (node.is_object()) {
        prefix.push_back("new");
        out.push_back(prefix);
        prefix.pop_back();
        for (auto it = node.begin(); it != node.end(); ++it) {
            prefix.push_back(it.key());
            out.push_back(prefix);
            collectPaths(*it, prefix, out);
            prefix.pop_back();
        }
    } else if (node.is_array()) {
        for (size_t i = 0; i < node.size(); ++i) {
            prefix.push_back(std::to_string(i));
            out.push_back(prefix);
            collectPaths(node[i], prefix, out);
            prefix.pop_back();
        }
    }
}

Json setAt(Json doc, const std::vector<std::string> &tokens, const Json &value)
{
    Json *node = &doc;
    for (size_t i = 0; i + 1 < tokens.size(); ++i) {
        if (node->is_array()) {
            node = &(*node)[std::stoul(tokens[i])];
        } else {
            if (!node->is_object())
                *node = Json::object();
            node = &(*node)[tokens[i]];
        }
    }
    if (node->is_array())
        (*node)[std::stoul(tokens.back())] = value;
    else {
        if (!node->is_object())
            *node = Json::object();
        (*node)[tokens.back()] = value;
    }
    return doc;
}

Json deleteAt(Json doc, const std::vector<std::string> &tokens)
{
    Json *node = &doc;
    for (size_t i = 0; i + 1 < tokens.size(); ++i)
        node = node->is_array() ? &(*node)[std::stoul(tokens[i])] : &(*node)[tokens[i]];
    if (node->is_object())
        node->erase(tokens.back());
    return doc;
}

// Fills `changed` both ways and compares; returns false (with a message) on
// the first difference.
bool sameBothWays(const Schema &schema, const Json &changed, const std::vector<std::string> &tokens,
                  QString *why)
{
    Json whole = changed;
    Json along = changed;
    const bool addedWhole = applySchemaDefaults(schema, whole);
    const bool addedAlong = applySchemaDefaultsAlong(schema, along, tokens);
    const std::string a = compactJson(whole);
    const std::string b = compactJson(along);
    if (a == b && addedWhole == addedAlong)
        return true;
    std::string path;
    for (const auto &t : tokens)
        path += "/" + t;
    *why = QStringLiteral("at %1:\n whole %2 (%3)\n along %4 (%5)")
               .arg(QString::fromStdString(path), QString::fromStdString(a))
               .arg(addedWhole)
               .arg(QString::fromStdString(b))
               .arg(addedAlong);
    return false;
}

const Json kValues =
    Json::array({nullptr, true, 3, 14.5, "text", Json::array(), Json::object(),
                 Json::array({Json::object(), Json::object({{"a", 1}})}),
                 Json::object({{"name", "x"}}), Json::object({{"settings", Json::object()}})});

// Reaches each rule of the fill; `dflt` members have defaults of their own.
const char *kRuleSchema = R"({
  "definitions": {
    "panel": {"type": "object", "properties": {
      "open": {"type": "boolean", "default": false},
      "size": {"type": "object", "default": {}, "properties": {"w": {"default": 300}}}}}
  },
  "type": "object",
  "properties": {
    "a": {"type": "object", "default": {}, "properties": {
      "b": {"default": 1}, "c": {"type": "object", "properties": {"d": {"default": "x"}}}}},
    "panels": {"type": "object",
      "patternProperties": {"^p": {"$ref": "#/definitions/panel"}},
      "additionalProperties": {"type": "object", "properties": {"other": {"default": 0}}}},
    "list": {"type": "array", "default": [{}],
      "items": {"type": "object", "properties": {"id": {"default": -1}}}},
    "both": {"allOf": [
      {"properties": {"x": {"default": 1}}},
      {"properties": {"y": {"default": 2}, "x": {"default": 9}}}]},
    "ref": {"$ref": "#/definitions/panel"}
  },
  "patternProperties": {"^a$": {"properties": {"fromPattern": {"default": true}}}},
  "additionalProperties": {"type": "object",
    "properties": {"extra": {"default": {}}, "more": {"default": "e"}},
    "patternProperties": {"^ex": {"properties": {"deep": {"default": 1}}}}}
})";

Json ruleDocument(std::mt19937 &rng)
{
    Json doc = Json::object();
    const auto chance = [&](int percent) {
        return int(rng() % 100) < percent;
    };
    if (chance(70))
        doc["a"] = chance(50) ? Json::object({{"c", Json::object()}}) : Json::object();
    if (chance(80)) {
        Json panels = Json::object();
        for (const char *name : {"p1", "p2", "q", "px"}) {
            if (chance(60))
                panels[name] = chance(50) ? Json::object() : Json::object({{"open", true}});
        }
        doc["panels"] = panels;
    }
    if (chance(60))
        doc["list"] = Json::array({Json::object(), Json::object({{"id", 4}}), 7});
    if (chance(60))
        doc["both"] = Json::object();
    if (chance(50))
        doc["ref"] = Json::object({{"size", Json::object()}});
    if (chance(40))
        doc["zz"] = Json::object();
    return doc;
}

} // namespace

class TestDefaultsAlong : public QObject
{
    Q_OBJECT

    // Each set (of every kind of value) and each delete at every path of
    // `complete`, which has all its defaults.
    void checkEveryChange(const Schema &schema, const Json &complete, int *checked)
    {
        std::vector<std::vector<std::string>> paths;
        std::vector<std::string> prefix;
        collectPaths(complete, prefix, paths);
        QString why;
        for (const auto &tokens : paths) {
            for (const Json &value : kValues) {
                ++*checked;
                QVERIFY2(sameBothWays(schema, setAt(complete, tokens, value), tokens, &why),
                         qPrintable(why));
            }
            ++*checked;
            QVERIFY2(sameBothWays(schema, deleteAt(complete, tokens), tokens, &why),
                     qPrintable(why));
        }
        // A set that makes the objects on its way.
        const std::vector<std::string> deep{"fresh", "and", "new"};
        ++*checked;
        QVERIFY2(sameBothWays(schema, setAt(complete, deep, Json::object()), deep, &why),
                 qPrintable(why));
    }

private Q_SLOTS:
    void shippedSchema()
    {
        const Schema schema = schematest::shippedSchema();
        QVERIFY(!schema.isNull());
        schematest::CorpusGenerator corpus(5);
        int checked = 0;
        for (int i = 0; i < 60; ++i) {
            Json doc = corpus.document();
            applySchemaDefaults(schema, doc);
            checkEveryChange(schema, doc, &checked);
            if (QTest::currentTestFailed())
                return;
        }
        qInfo("%d changes", checked);
        QVERIFY(checked > 10000);
    }

    void everyRuleOfTheFill()
    {
        auto schema = Schema::fromText(kRuleSchema);
        QVERIFY2(schema.ok(), schema.ok() ? "" : qPrintable(schema.error().message));
        std::mt19937 rng(3);
        int checked = 0;
        for (int i = 0; i < 200; ++i) {
            Json doc = ruleDocument(rng);
            applySchemaDefaults(*schema, doc);
            checkEveryChange(*schema, doc, &checked);
            if (QTest::currentTestFailed())
                return;
        }
        qInfo("%d changes", checked);
        QVERIFY(checked > 10000);
    }

    // On a document that lacked defaults before the change the shortcut
    // does not claim completeness: the whole fill adds more.
    void onlyForCompleteDocuments()
    {
        auto schema = Schema::fromText(kRuleSchema);
        QVERIFY(schema.ok());
        // `a` lacks its member b; the change is elsewhere.
        Json incomplete = Json::object({{"a", Json::object()}, {"both", Json::object()}});
        Json along = incomplete;
        applySchemaDefaultsAlong(*schema, along, {"both", "x"});
        Json whole = incomplete;
        applySchemaDefaults(*schema, whole);
        QVERIFY(compactJson(along) != compactJson(whole));
    }
};

QTEST_GUILESS_MAIN(TestDefaultsAlong)
#include "tst_defaultsalong.moc"
