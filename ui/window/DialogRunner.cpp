#include "DialogRunner.h"

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

} // namespace tad
