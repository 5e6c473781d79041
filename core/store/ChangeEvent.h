// What a store change looks like to listeners: the seed's `store-changed`
// payload, plus where the change came from.
#pragma once

#include "keys/KeyPath.h"

#include "json/Json.h"
#include <QMetaType>
#include <optional>
#include <string>

namespace tad {

enum class ChangeSource
{
    Cli,
    Editor,
    External,
    Restore,
    Rollback,
    Migration,
    Reset,
    Recovery, // a broken file replaced by a backup
    Undo,     // the window's Undo of an earlier edit
    Redo      // the window's Redo of an undone edit
};

// Every source, in declaration order (for parsing names back).
inline constexpr ChangeSource kAllChangeSources[] = {
    ChangeSource::Cli,      ChangeSource::Editor,    ChangeSource::External, ChangeSource::Restore,
    ChangeSource::Rollback, ChangeSource::Migration, ChangeSource::Reset,    ChangeSource::Recovery,
    ChangeSource::Undo,     ChangeSource::Redo};

const char *changeSourceName(ChangeSource source);

// A person's own edit (typed, reset, undone or redone), as opposed to a
// restore, rollback, migration or recovery carrying an earlier state, or
// another program's change.
constexpr bool isPersonalEdit(ChangeSource source)
{
    return source == ChangeSource::Cli || source == ChangeSource::Editor ||
           source == ChangeSource::Reset || source == ChangeSource::Undo ||
           source == ChangeSource::Redo;
}

struct ChangeEvent
{
    std::string key;              // dot-notation; empty for the whole document
    KeyPath path;                 // the same key, typed: what programs pass on
    std::optional<Json> newValue; // nullopt: the key was removed (JS undefined)
    std::optional<Json> oldValue; // nullopt: the key is new
    qint64 timestampMs = 0;       // ms since the epoch, like Date.now()
    ChangeSource source = ChangeSource::Cli;

    // {key, newValue, oldValue, timestamp, source}; an undefined value is
    // left out, as JSON.stringify leaves out undefined members.
    Json toJson() const;
};

} // namespace tad

Q_DECLARE_METATYPE(tad::ChangeEvent)
