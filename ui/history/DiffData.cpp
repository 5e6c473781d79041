#include "DiffData.h"

#include "history/JsonPatch.h"
#include "history/PatchChanges.h"
#include "schema/ChangeCheck.h"
#include "schema/Defaults.h"
#include "schema/KeyMetadata.h"
#include "schema/SchemaPaths.h"
#include "schema/SecretMask.h"

#include "json/JsonText.h"
#include <QObject>
#include <algorithm>
#include <unordered_map>

namespace tad {

namespace {

// Schema notes cost a metadata lookup per operation; past this many the
// list is a bulk change and the notes would not be read anyway.
constexpr size_t kAnnotatedOps = 5000;
constexpr int kValueTextLimit = 160;

QString shortText(const Json &value)
{
    QString text = QString::fromStdString(compactJson(value));
    if (text.size() > kValueTextLimit)
        text = text.left(kValueTextLimit - 1) + QChar(0x2026);
    return text;
}

// Two-space pretty printing (JSON.stringify(v, null, 2) layout) that notes
// the line where each wanted pointer starts.
class LinePrinter
{
public:
    explicit LinePrinter(std::unordered_map<std::string, int> &wanted) : m_wanted(wanted) {}

    std::string print(const Json &value)
    {
        std::string pointer;
        write(value, pointer, 0);
        return std::move(m_out);
    }

private:
    void note(const std::string &pointer)
    {
        auto it = m_wanted.find(pointer);
        if (it != m_wanted.end() && it->second < 0)
            it->second = m_line;
    }
    void newline(int depth)
    {
        m_out += '\n';
        ++m_line;
        m_out.append(size_t(depth) * 2, ' ');
    }
    void write(const Json &value, std::string &pointer, int depth)
    {
        note(pointer);
        if (value.is_object() && !value.empty()) {
            m_out += '{';
            bool first = true;
            for (const auto *member : jsMemberOrder(value.get_ref<const Json::object_t &>())) {
                if (!first)
                    m_out += ',';
                first = false;
                newline(depth + 1);
                const size_t mark = pointer.size();
                pointer += '/';
                pointer += schema::escapePointerToken(member->first);
                note(pointer);
                m_out += compactJson(Json(member->first));
                m_out += ": ";
                write(member->second, pointer, depth + 1);
                pointer.resize(mark);
            }
            newline(depth);
            m_out += '}';
        } else if (value.is_array() && !value.empty()) {
            m_out += '[';
            for (size_t i = 0; i < value.size(); ++i) {
                if (i)
                    m_out += ',';
                newline(depth + 1);
                const size_t mark = pointer.size();
                pointer += '/';
                pointer += std::to_string(i);
                write(value[i], pointer, depth + 1);
                pointer.resize(mark);
            }
            newline(depth);
            m_out += ']';
        } else {
            m_out += compactJson(value);
        }
    }

    std::unordered_map<std::string, int> &m_wanted;
    std::string m_out;
    int m_line = 0;
};

DiffOperation::Kind kindOf(const std::string &op)
{
    if (op == "add")
        return DiffOperation::Kind::Added;
    if (op == "remove")
        return DiffOperation::Kind::Removed;
    if (op == "move" || op == "copy")
        return DiffOperation::Kind::Moved;
    return DiffOperation::Kind::Changed;
}

void noteDefault(DiffOperation &op, const Schema &schema, const std::vector<std::string> &tokens)
{
    if (schema.isNull() || !op.newValue || op.kind == DiffOperation::Kind::Removed)
        return;
    const auto fallback = schemaDefaultFor(schema, tokens);
    if (fallback && jsEqual(*fallback, *op.newValue) &&
        !(op.oldValue && jsEqual(*op.oldValue, *op.newValue)))
        op.notes << QObject::tr("back to default");
}

void noteSecret(DiffOperation &op)
{
    if (op.secret && op.kind != DiffOperation::Kind::Removed)
        op.notes << QObject::tr("secret changed (shown masked)");
}

QString keyOf(const std::string &pointer)
{
    return pointer.empty() ? QObject::tr("(whole document)")
                           : QString::fromStdString(pointerToKey(pointer));
}

// Fills key, texts and notes from the operation alone (a history entry,
// where the documents around it are not at hand).
void describe(DiffOperation &op, const Schema &schema, bool annotate)
{
    const auto tokens = schema::pointerTokens(op.pointer);
    op.key = keyOf(op.pointer);
    if (annotate && !schema.isNull()) {
        op.secret = keyMetadata(schema, tokens).secret;
        noteDefault(op, schema, tokens);
    }
    auto masked = [&](const Json &value) {
        return schema.isNull() ? value : maskSecrets(schema, value, tokens);
    };
    if (op.oldValue)
        op.oldText = shortText(masked(*op.oldValue));
    if (op.newValue)
        op.newText = shortText(masked(*op.newValue));
    noteSecret(op);
}

// A history entry's new value judged on its own: placed at its path in an
// otherwise empty document, only violations at or under that path count (the
// siblings it would need are not at hand, so "required" above it is not).
void noteInvalidValue(DiffOperation &op, const Schema &schema)
{
    if (schema.isNull() || !op.newValue || op.pointer.empty())
        return;
    const auto tokens = schema::pointerTokens(op.pointer);
    Json sparse = Json::object();
    Json *at = &sparse;
    for (size_t i = 0; i + 1 < tokens.size(); ++i)
        at = &(*at)[tokens[i]];
    (*at)[tokens.back()] = *op.newValue;
    for (const auto &violation : schema.validatePaths(sparse, {tokens})) {
        const std::string &p = violation.pointer;
        if (p == op.pointer || p.rfind(op.pointer + "/", 0) == 0)
            op.notes
                << QObject::tr("now invalid: %1").arg(QString::fromStdString(violation.message));
    }
}

} // namespace

QString DiffOperation::symbol() const
{
    switch (kind) {
    case Kind::Added:
        return QStringLiteral("+");
    case Kind::Removed:
        return QString(QChar(0x2212));
    case Kind::Moved:
        return QString(QChar(0x2192));
    case Kind::Changed:
        break;
    }
    return QStringLiteral("~");
}

QString DiffOperation::kindName() const
{
    switch (kind) {
    case Kind::Added:
        return QObject::tr("added");
    case Kind::Removed:
        return QObject::tr("removed");
    case Kind::Moved:
        return QObject::tr("moved");
    case Kind::Changed:
        break;
    }
    return QObject::tr("changed");
}

Json DiffData::maskedPatch(const Schema &schema) const
{
    if (schema.isNull())
        return patch;
    Json masked = patch;
    for (auto &op : masked) {
        if (op.contains("value") && op.contains("path") && op["path"].is_string())
            op["value"] =
                maskSecrets(schema, op["value"],
                            tad::schema::pointerTokens(op["path"].get_ref<const std::string &>()));
    }
    return masked;
}

DiffData diffDocuments(const Json &before, const Json &after, const Schema &schema,
                       const QString &beforeTitle, const QString &afterTitle)
{
    DiffData data;
    data.beforeTitle = beforeTitle;
    data.afterTitle = afterTitle;
    data.hasDocuments = true;
    data.patch = diffJson(before, after);
    const bool annotate = data.patch.size() <= kAnnotatedOps;
    std::vector<std::vector<std::string>> changedPaths;
    std::unordered_map<std::string, int> beforeLines, afterLines;
    // Masked once as whole documents: a value whose masked form differs
    // holds a secret, without a schema lookup per operation.
    const Json maskedBefore = schema.isNull() ? before : maskSecrets(schema, before);
    const Json maskedAfter = schema.isNull() ? after : maskSecrets(schema, after);
    // Old and new values as the core describes a change (the command line's
    // `history show` lists the same).
    for (PatchChange &change : changesTo(before, data.patch)) {
        DiffOperation op;
        op.patchIndex = change.index;
        op.kind = kindOf(change.op);
        op.pointer = std::move(change.pointer);
        op.key = keyOf(op.pointer);
        const auto tokens = schema::pointerTokens(op.pointer);
        if (change.before) {
            op.oldValue = std::move(change.before);
            const Json *shown = valueAt(maskedBefore, op.pointer);
            op.oldText = shortText(shown ? *shown : *op.oldValue);
            op.secret = op.secret || (shown && *shown != *op.oldValue);
        }
        if (change.after) {
            op.newValue = std::move(change.after);
            const Json *shown = valueAt(maskedAfter, op.pointer);
            const Json masked =
                shown
                    ? *shown
                    : (schema.isNull() ? *op.newValue : maskSecrets(schema, *op.newValue, tokens));
            op.newText = shortText(masked);
            op.secret = op.secret || masked != *op.newValue;
        }
        if (annotate)
            noteDefault(op, schema, tokens);
        noteSecret(op);
        beforeLines.emplace(op.pointer, -1);
        afterLines.emplace(op.pointer, -1);
        if (annotate)
            changedPaths.push_back(tokens);
        data.ops.push_back(std::move(op));
    }
    if (annotate && !schema.isNull() && !data.ops.empty()) {
        // Checking thousands of paths one by one costs more than checking
        // the top-level keys they sit under (65 ms against 2 ms for 2,300
        // changes in a 1 MB config); the new violations found are the same.
        if (changedPaths.size() > 64) {
            std::vector<std::vector<std::string>> topLevel;
            for (const auto &path : changedPaths) {
                std::vector<std::string> top(path.begin(), path.begin() + (path.empty() ? 0 : 1));
                if (std::find(topLevel.begin(), topLevel.end(), top) == topLevel.end())
                    topLevel.push_back(std::move(top));
            }
            changedPaths = std::move(topLevel);
        }
        for (const auto &violation : addedSchemaViolations(schema, before, after, changedPaths)) {
            DiffOperation *target = nullptr;
            for (auto &op : data.ops) {
                const std::string &p = op.pointer;
                const bool inside =
                    violation.pointer == p || violation.pointer.rfind(p + "/", 0) == 0;
                const bool above = p.rfind(violation.pointer + "/", 0) == 0;
                if (inside || (above && !target))
                    target = &op;
                if (inside)
                    break;
            }
            if (target)
                target->notes << QObject::tr("now invalid: %1")
                                     .arg(QString::fromStdString(violation.message));
        }
    }
    data.beforeText = QString::fromStdString(LinePrinter(beforeLines).print(maskedBefore));
    data.afterText = QString::fromStdString(LinePrinter(afterLines).print(maskedAfter));
    for (auto &op : data.ops) {
        op.beforeLine = beforeLines[op.pointer];
        op.afterLine = afterLines[op.pointer];
    }
    return data;
}

DiffData diffFromPatch(const Json &patch, const Json &inverse, const Schema &schema,
                       const QString &beforeTitle, const QString &afterTitle)
{
    DiffData data;
    data.beforeTitle = beforeTitle;
    data.afterTitle = afterTitle;
    data.patch = patch.is_array() ? patch : Json::array();
    const bool annotate = data.patch.size() <= kAnnotatedOps;
    std::string beforeText, afterText;
    int beforeLine = 0, afterLine = 0;
    // Old values from the guarded inverse, as the core describes a change
    // (the command line's `history show` lists the same).
    for (PatchChange &change : changesOf(data.patch, inverse)) {
        DiffOperation op;
        op.patchIndex = change.index;
        op.kind = kindOf(change.op);
        op.pointer = std::move(change.pointer);
        op.oldValue = std::move(change.before);
        op.newValue = std::move(change.after);
        describe(op, schema, annotate);
        if (annotate)
            noteInvalidValue(op, schema);
        // Each side lists the operation's key and its value on that side.
        auto block = [&](std::string &text, int &line, const QString &value) {
            text += op.key.toStdString() + "\n  " +
                    (value.isEmpty() ? std::string("(absent)") : value.toStdString()) + "\n";
            const int at = line;
            line += 2;
            return at;
        };
        op.beforeLine = block(beforeText, beforeLine, op.oldText);
        op.afterLine = block(afterText, afterLine, op.newText);
        data.ops.push_back(std::move(op));
    }
    data.beforeText = QString::fromStdString(beforeText);
    data.afterText = QString::fromStdString(afterText);
    return data;
}

} // namespace tad
