// Random store operations with the keys and values that tell conf's rules
// apart: dot-prop key syntax, JavaScript number and string printing, and
// the keys conf refuses. The same seed gives the same sequence.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <random>
#include <string>
#include <vector>

namespace tad::interop {

enum class Engine
{
    Conf15,
    Conf10
};

struct InteropOp
{
    enum class Expect
    {
        // Both succeed or both refuse (conf throws, we return an error).
        Agree,
        // A `__proto__`-like word in the key. If it is a segment, dot-prop
        // silently does nothing and conf rewrites the same file; we must
        // refuse and leave the file alone. Else both agree as usual.
        MaybeConfIgnores,
    };

    QByteArray line; // the JSON request, same text for conf and for us
    QString op;      // "set", "delete", "set-multiple", "get" or "has"
    Expect expect = Expect::Agree;

    bool isQuery() const { return op == QLatin1String("get") || op == QLatin1String("has"); }
};

// The starting file, compact as JSON.stringify writes it. It already holds
// integer-like keys, a literal dot in a key, awkward numbers and strings,
// and conf's own bookkeeping.
QByteArray initialDocument();

// Keys for one-off checks, as JSON string literals: empty segments, stray
// backslashes, brackets, forbidden segments, conf's bookkeeping key, and
// numeric segments that create parents.
QList<QByteArray> oddKeyLiterals();

// The JSON string literal for `text` (UTF-8 in, escapes only where JSON needs them).
std::string jsonQuote(const std::string &text);

class InteropOpGenerator
{
public:
    InteropOpGenerator(quint64 seed, Engine engine);
    InteropOp next();

private:
    std::string randomKey(bool forQuery, InteropOp::Expect *expect);
    std::string freshKey();
    std::string segment(int position, bool last);
    std::string value(int depth = 0);
    std::string awkwardNumber();
    std::string randomDouble();
    std::string bigInteger();
    bool chance(double p);
    template <class T> const T &pick(const std::vector<T> &items)
    {
        return items[std::uniform_int_distribution<size_t>(0, items.size() - 1)(m_rng)];
    }

    std::mt19937_64 m_rng;
    Engine m_engine;
    std::vector<std::string> m_usedKeys;
};

} // namespace tad::interop
