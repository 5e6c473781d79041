#include "ChangeEvent.h"

namespace tad {

const char *changeSourceName(ChangeSource source)
{
    switch (source) {
    case ChangeSource::Cli:
        return "cli";
    case ChangeSource::Editor:
        return "editor";
    case ChangeSource::External:
        return "external";
    case ChangeSource::Restore:
        return "restore";
    case ChangeSource::Rollback:
        return "rollback";
    case ChangeSource::Migration:
        return "migration";
    case ChangeSource::Reset:
        return "reset";
    case ChangeSource::Recovery:
        return "recovery";
    case ChangeSource::Undo:
        return "undo";
    case ChangeSource::Redo:
        return "redo";
    }
    return "unknown";
}

Json ChangeEvent::toJson() const
{
    Json out = Json::object();
    out["key"] = key;
    if (newValue)
        out["newValue"] = *newValue;
    if (oldValue)
        out["oldValue"] = *oldValue;
    out["timestamp"] = timestampMs;
    out["source"] = changeSourceName(source);
    return out;
}

} // namespace tad
