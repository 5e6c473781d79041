#include "DialogRunner.h"

#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>

namespace tad {

namespace {
DialogRunner &currentRunner()
{
    static DialogRunner runner;
    return runner;
}
} // namespace

void setDialogRunner(DialogRunner runner)
{
    currentRunner() = std::move(runner);
}

int runDialog(QDialog &dialog)
{
    if (currentRunner())
        return currentRunner()(dialog);
    return dialog.exec();
}

bool confirm(QWidget *parent, const QString &title, const QString &text, const QString &yesText)
{
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::NoButton, parent);
    box.setObjectName(QStringLiteral("confirmDialog"));
    auto *yes = box.addButton(yesText, QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(qobject_cast<QPushButton *>(yes));
    runDialog(box);
    return box.clickedButton() == yes || box.result() == QDialog::Accepted;
}

std::optional<QString> askText(QWidget *parent, const QString &title, const QString &label,
                               const QString &initial)
{
    QInputDialog dialog(parent);
    dialog.setObjectName(QStringLiteral("textDialog"));
    dialog.setInputMode(QInputDialog::TextInput);
    dialog.setWindowTitle(title);
    dialog.setLabelText(label);
    dialog.setTextValue(initial);
    if (runDialog(dialog) != QDialog::Accepted && dialog.result() != QDialog::Accepted)
        return std::nullopt;
    return dialog.textValue();
}

} // namespace tad
