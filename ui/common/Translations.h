// The window in the person's language: the translation compiled into the
// program (:/tad/translations/tad-settings_LANG.qm) for the first of the
// locale's languages that has one, and Qt's own (standard buttons and
// dialogs) where the system has it. English needs none.
#pragma once

#include <QLocale>

class QCoreApplication;

namespace tad {

// Installs the translators on `app` (they are its children). Returns the
// language of the program's translation it found, or "" for none (English).
QString installTranslations(QCoreApplication *app, const QLocale &locale = QLocale::system());

} // namespace tad
