// Editors for arrays of simple values, maps of entries, and free JSON.
#pragma once

#include "ValueEditors.h"

namespace tad {

ValueEditor *createListEditor(const EditorSpec &spec, QWidget *parent);
ValueEditor *createMapEditor(const EditorSpec &spec, QWidget *parent);
// `singleLine` gives a one-line editor that fits in a tree row.
ValueEditor *createJsonEditor(const EditorSpec &spec, bool singleLine, QWidget *parent);

} // namespace tad
