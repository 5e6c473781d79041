// What the diff viewer shows, prepared off the UI thread: the RFC 6902
// operations between two documents (or of one history entry) with old and
// new values, schema notes (back to default, now invalid, secret changed)
// and both sides pretty-printed with the line of every changed key.
#pragma once

#include "schema/Schema.h"

#include "json/Json.h"
#include <QString>
#include <QStringList>
#include <optional>
#include <string>
#include <vector>

namespace tad {

struct DiffOperation
{
    enum class Kind
    {
        Added,
        Removed,
        Changed,
        Moved
    };
    Kind kind = Kind::Changed;
    int patchIndex = -1; // position in DiffData::patch
    std::string pointer;
    QString key; // dotted, "(whole document)" for the root
    std::optional<Json> oldValue, newValue;
    QString oldText, newText; // compact JSON for display, secrets masked
    QStringList notes;        // "back to default", "now invalid: ...", "secret changed"
    bool secret = false;
    int beforeLine = -1, afterLine = -1; // 0-based lines in the text views

    // "+", "−", "~", "→": the kind without relying on colour.
    QString symbol() const;
    QString kindName() const;
};

struct DiffData
{
    Json patch = Json::array(); // RFC 6902, real values (export masks secrets)
    std::vector<DiffOperation> ops;
    QString beforeText, afterText; // pretty-printed, secrets masked
    QString beforeTitle, afterTitle;
    bool hasDocuments = false; // texts are whole documents, not fragments

    bool empty() const { return ops.empty(); }
    // The patch with every secret masked (what "Export" writes by default).
    Json maskedPatch(const Schema &schema) const;
};

// The diff of two whole documents.
DiffData diffDocuments(const Json &before, const Json &after, const Schema &schema,
                       const QString &beforeTitle, const QString &afterTitle);
// The diff a history entry records: its forward patch, old values from
// the guarded inverse ("of" links each undo to its forward operation).
DiffData diffFromPatch(const Json &patch, const Json &inverse, const Schema &schema,
                       const QString &beforeTitle, const QString &afterTitle);

} // namespace tad
