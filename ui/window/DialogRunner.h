// Every confirmation of the history panels goes through runDialog(), so the
// window tests can stand in for the user: look at the dialog (the restore
// preview, the migration steps) and accept or refuse it.
#pragma once

#include <QString>
#include <functional>
#include <optional>

class QDialog;
class QWidget;

namespace tad {

using DialogRunner = std::function<int(QDialog &dialog)>;

// Replaces QDialog::exec for the panels; an empty runner restores it.
void setDialogRunner(DialogRunner runner);
int runDialog(QDialog &dialog);
// A yes/no question run through runDialog(); true for yes.
bool confirm(QWidget *parent, const QString &title, const QString &text, const QString &yesText);
// A line of text asked for through runDialog() (a QInputDialog named
// "textDialog"); nullopt when cancelled.
std::optional<QString> askText(QWidget *parent, const QString &title, const QString &label,
                               const QString &initial);

} // namespace tad
