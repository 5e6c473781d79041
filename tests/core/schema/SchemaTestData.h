// Shared by the schema tests and benchmark: the shipped schema and a
// deterministic generator of documents around it.
#pragma once

#include "schema/Schema.h"

#include "json/Json.h"
#include <QFile>
#include <random>
#include <string>
#include <vector>

namespace schematest {

inline QString shippedSchemaPath()
{
    return QStringLiteral(TAD_SOURCE_DIR "/resources/schema/tad-config.schema.json");
}

inline tad::Schema shippedSchema()
{
    auto schema = tad::Schema::fromFile(shippedSchemaPath());
    return schema.ok() ? *schema : tad::Schema();
}

// Documents that are mostly sensible with a few things wrong, the way a
// hand-edited or older file is.
class CorpusGenerator
{
public:
    explicit CorpusGenerator(unsigned seed) : m_rng(seed) {}

    tad::Json document()
    {
        // About half the documents are clean; the others have a few faults.
        m_badRate = chance(0.5) ? 0.0 : 0.06;
        tad::Json doc = tad::Json::object();
        if (chance(0.9))
            doc["version"] = either({"1.0.0", "2.1", ""}, {3, nullptr});
        if (chance(0.8))
            doc["settings"] = settings();
        if (chance(0.8))
            doc["user"] = user();
        if (chance(0.8))
            doc["ai"] = ai();
        if (chance(0.7))
            doc["workspaces"] = workspaces(static_cast<int>(m_rng() % 4));
        if (chance(0.7))
            doc["ui"] = ui();
        if (chance(0.7))
            doc["recent"] = recent();
        if (chance(0.15))
            doc[pick<std::string>({"extra", "__internal__", "a.b", "0"})] = anyValue();
        if (chance(m_badRate))
            doc[pick<std::string>({"settings", "user", "ai", "workspaces", "ui", "recent"})] =
                anyValue();
        return doc;
    }

    // A large valid document: `count` workspaces (about 150 bytes each).
    static tad::Json bigDocument(int count)
    {
        CorpusGenerator gen(7);
        tad::Json doc = tad::Json::object();
        doc["version"] = "1.0.0";
        doc["settings"] = {
            {"theme", "dark"}, {"language", "en"}, {"autoSave", true}, {"fontSize", 14}};
        doc["user"] = {{"name", "Ada"},
                       {"email", "ada@example.com"},
                       {"preferences", {{"notifications", true}, {"analytics", false}}}};
        doc["ai"] = {{"provider", "openai"},
                     {"model", "gpt-4o"},
                     {"apiKey", "sk-abcdefghijklmnop"},
                     {"temperature", 0.7},
                     {"maxTokens", 2048}};
        tad::Json ws = tad::Json::object();
        for (int i = 0; i < count; ++i) {
            const std::string id = "ws-" + std::to_string(100000 + i);
            ws[id] = {{"path", "/home/ada/projects/project-" + std::to_string(i)},
                      {"name", "Project number " + std::to_string(i)},
                      {"settings", {{"buildOnSave", i % 2 == 0}, {"autoRefresh", i % 3 == 0}}},
                      {"lastOpened", "2024-05-0" + std::to_string(1 + i % 9) + "T09:30:00Z"}};
        }
        doc["workspaces"] = std::move(ws);
        doc["ui"] = {{"sidebarCollapsed", false}, {"activePanels", {"chat", "templates"}}};
        doc["recent"] = {{"workspaces", {"/a", "/b"}}, {"templates", tad::Json::array()}};
        (void)gen;
        return doc;
    }

private:
    bool chance(double p) { return std::uniform_real_distribution<double>(0, 1)(m_rng) < p; }
    template <class T> T pick(std::initializer_list<T> values)
    {
        auto it = values.begin();
        std::advance(it, static_cast<long>(m_rng() % values.size()));
        return *it;
    }

    tad::Json anyValue()
    {
        switch (m_rng() % 8) {
        case 0:
            return nullptr;
        case 1:
            return chance(0.5);
        case 2:
            return static_cast<int>(m_rng() % 100) - 20;
        case 3:
            return 2.5;
        case 4:
            return "text";
        case 5:
            return tad::Json::array({1, "x"});
        case 6:
            return tad::Json::object({{"k", 1}});
        default:
            return "";
        }
    }

    // Mostly a good value, sometimes any value at all.
    tad::Json maybeBad(tad::Json good) { return chance(m_badRate) ? anyValue() : good; }
    // One of `good`, or now and then one of `bad`.
    tad::Json either(std::initializer_list<tad::Json> good, std::initializer_list<tad::Json> bad)
    {
        if (chance(m_badRate * 3)) {
            auto it = bad.begin();
            std::advance(it, static_cast<long>(m_rng() % bad.size()));
            return *it;
        }
        auto it = good.begin();
        std::advance(it, static_cast<long>(m_rng() % good.size()));
        return maybeBad(*it);
    }

    tad::Json settings()
    {
        tad::Json s = tad::Json::object();
        if (chance(0.8))
            s["theme"] = either({"light", "dark", "auto"}, {"Dark", "blue"});
        if (chance(0.7))
            s["language"] = maybeBad(pick<tad::Json>({"en", "de", "fr-CA"}));
        if (chance(0.7))
            s["autoSave"] = maybeBad(chance(0.5));
        if (chance(0.8))
            s["fontSize"] = either({14, 8, 24, 14.0, 12.5}, {7, 25, 24.000001, -3, 0});
        if (chance(0.1))
            s["unknownSetting"] = anyValue();
        return s;
    }

    tad::Json user()
    {
        tad::Json u = tad::Json::object();
        if (chance(0.7))
            u["name"] = maybeBad(pick<tad::Json>({"Ada", "", "Ünïcødé ☃"}));
        if (chance(0.8))
            u["email"] = either({"", "ada@example.com", "a.b+c@sub.example.org", "ADA@EXAMPLE.COM"},
                                {"not-an-email", "a@b", "@example.com", "a..b@example.com",
                                 "ada@-bad.com", " ada@example.com"});
        if (chance(0.6)) {
            tad::Json p = tad::Json::object();
            if (chance(0.7))
                p["notifications"] = maybeBad(chance(0.5));
            if (chance(0.7))
                p["analytics"] = maybeBad(chance(0.5));
            u["preferences"] = maybeBad(p);
        }
        return u;
    }

    tad::Json ai()
    {
        tad::Json a = tad::Json::object();
        if (chance(0.8))
            a["provider"] = either({"openai", "anthropic", "openrouter"}, {"OpenAI", "local"});
        if (chance(0.6))
            a["model"] = maybeBad(pick<tad::Json>({"gpt-4o", "claude", ""}));
        if (chance(0.6))
            a["apiKey"] = maybeBad(pick<tad::Json>({"", "sk-1234567890abcdef"}));
        if (chance(0.7))
            a["temperature"] = either({0.7, 0, 2, 1}, {2.01, -0.1});
        if (chance(0.7))
            a["maxTokens"] = either({2048, 1, 4096, 100.5}, {0, 4097});
        return a;
    }

    tad::Json workspaces(int count)
    {
        tad::Json ws = tad::Json::object();
        for (int i = 0; i < count; ++i) {
            tad::Json w = tad::Json::object();
            if (chance(0.8))
                w["path"] = maybeBad(tad::Json("/home/ada/p" + std::to_string(i)));
            if (chance(0.7))
                w["name"] = maybeBad(tad::Json("Project " + std::to_string(i)));
            if (chance(0.6)) {
                tad::Json s = tad::Json::object();
                if (chance(0.7))
                    s["buildOnSave"] = maybeBad(chance(0.5));
                if (chance(0.5))
                    s["autoRefresh"] = maybeBad(chance(0.5));
                w["settings"] = maybeBad(s);
            }
            if (chance(0.7))
                w["lastOpened"] =
                    either({"2024-05-01T09:30:00Z", "2024-05-01T09:30:00.123+02:00",
                            "2024-05-01 09:30:00Z", "2016-12-31T23:59:60Z", "2024-05-01t09:30:00z"},
                           {"2024-02-30T10:00:00Z", "2024-05-01T09:30:00", "yesterday",
                            "2024-05-01T23:59:60Z"});
            ws[pick<std::string>({"ws-", "", "with/slash~", "dot.ted"}) + std::to_string(i)] =
                maybeBad(w);
        }
        return ws;
    }

    tad::Json ui()
    {
        tad::Json u = tad::Json::object();
        if (chance(0.6)) {
            tad::Json b = tad::Json::object();
            for (const char *k : {"x", "y", "width", "height"})
                if (chance(0.8))
                    b[k] = maybeBad(tad::Json(static_cast<int>(m_rng() % 1000)));
            u["windowBounds"] = maybeBad(b);
        }
        if (chance(0.6))
            u["sidebarCollapsed"] = maybeBad(chance(0.5));
        if (chance(0.6)) {
            tad::Json panels = tad::Json::array();
            const int n = static_cast<int>(m_rng() % 4);
            for (int i = 0; i < n; ++i)
                panels.push_back(maybeBad(pick<tad::Json>({"chat", "templates", "files"})));
            u["activePanels"] = maybeBad(panels);
        }
        return u;
    }

    tad::Json recent()
    {
        tad::Json r = tad::Json::object();
        for (auto [key, limit] :
             {std::pair<const char *, int>{"workspaces", 10}, {"templates", 20}}) {
            if (!chance(0.7))
                continue;
            tad::Json list = tad::Json::array();
            const int n = static_cast<int>(
                m_rng() % static_cast<unsigned>(limit + (chance(m_badRate * 4) ? 4 : 1)));
            for (int i = 0; i < n; ++i)
                list.push_back(maybeBad(tad::Json("item" + std::to_string(i))));
            r[key] = maybeBad(list);
        }
        return r;
    }

    std::mt19937 m_rng;
    double m_badRate = 0.0;
};

} // namespace schematest

// QCOMPARE cannot print tad::Json; compare the compact text instead.
#define COMPARE_JSON(actual, expected)                                                             \
    QCOMPARE(QString::fromStdString(tad::Json(actual).dump()),                                     \
             QString::fromStdString(tad::Json(expected).dump()))
