// Small helpers shared by the watch tests: files written the way other
// programs write them, and a log of the store's change events.
#pragma once

#include "store/Store.h"

#include "json/JsonText.h"
#include <QFile>
#include <QObject>
#include <QSaveFile>
#include <string>
#include <vector>

namespace tad::testing {

inline std::string readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = f.readAll();
    return std::string(bytes.constData(), size_t(bytes.size()));
}

// In place, as an editor or a shell redirection writes: truncate, then write.
inline bool writeInPlace(const QString &path, const std::string &bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(bytes.data(), qint64(bytes.size())) == qint64(bytes.size());
}

// Temp file + rename over the target, as conf writes.
inline bool writeByRename(const QString &path, const std::string &bytes)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write(bytes.data(), qint64(bytes.size()));
    return f.commit();
}

// How many members `group` has.
inline int countKeys(const Json &doc, const std::string &group)
{
    const auto it = doc.find(group);
    return it != doc.end() && it->is_object() ? int(it->size()) : 0;
}

// How many of group.k0 .. group.k<n-1> hold exactly valuePrefix<i>.
inline int countExact(const Json &doc, const std::string &group, const std::string &valuePrefix,
                      int n)
{
    const auto it = doc.find(group);
    if (it == doc.end() || !it->is_object())
        return 0;
    int found = 0;
    for (int i = 0; i < n; ++i) {
        const auto v = it->find("k" + std::to_string(i));
        found += (v != it->end() && *v == Json(valuePrefix + std::to_string(i))) ? 1 : 0;
    }
    return found;
}

inline Json parsedFile(const QString &path)
{
    auto parsed = parseDocument(readAll(path));
    return parsed ? parsed->value : Json();
}

// Every change event the store emits, in order.
class EventLog : public QObject
{
public:
    explicit EventLog(Store &store)
    {
        connect(&store, &Store::changed, this,
                [this](const ChangeEvent &e) { events.push_back(e); });
    }

    std::vector<ChangeEvent> events;

    int count(ChangeSource source) const
    {
        int n = 0;
        for (const auto &e : events)
            n += e.source == source ? 1 : 0;
        return n;
    }
    // The last event for `key` from `source`, or nullptr.
    const ChangeEvent *last(const std::string &key, ChangeSource source) const
    {
        for (auto it = events.rbegin(); it != events.rend(); ++it) {
            if (it->key == key && it->source == source)
                return &*it;
        }
        return nullptr;
    }
};

} // namespace tad::testing

// QCOMPARE cannot take Json (its conversions confuse Qt Test's overloads).
#define TAD_COMPARE_JSON(actual, expected)                                                         \
    do {                                                                                           \
        const ::tad::Json actualJson_ = (actual);                                                  \
        const ::tad::Json expectedJson_ = (expected);                                              \
        QVERIFY2(::tad::jsEqual(actualJson_, expectedJson_),                                       \
                 (::tad::compactJson(actualJson_) + " != " + ::tad::compactJson(expectedJson_))    \
                     .c_str());                                                                    \
    } while (false)
