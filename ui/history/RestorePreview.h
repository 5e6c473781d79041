// The preview shown before a backup is written back, from the Backups dock
// (a restore) and from the broken-file page (a recovery) alike: exactly the
// changes the file will see, and the choice to write all of them, only the
// checked keys (a restore of a readable file) or nothing.
#pragma once

#include "DiffData.h"
#include "schema/Schema.h"

#include <QStringList>

class QWidget;

namespace tad {

struct RestorePreviewChoice
{
    enum class Kind
    {
        Cancelled,
        All,
        CheckedKeys
    };
    Kind kind = Kind::Cancelled;
    QStringList keys; // with CheckedKeys
};

// `allowCheckedKeys` false: all or nothing (a broken file has no keys to keep).
RestorePreviewChoice runRestorePreview(QWidget *parent, const QString &title, const QString &intro,
                                       DiffData diff, const Schema &schema, bool allowCheckedKeys);

} // namespace tad
