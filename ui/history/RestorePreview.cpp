#include "RestorePreview.h"

#include "DiffView.h"
#include "window/DialogRunner.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace tad {

RestorePreviewChoice runRestorePreview(QWidget *parent, const QString &title, const QString &intro,
                                       DiffData diff, const Schema &schema, bool allowCheckedKeys)
{
    QDialog dialog(parent);
    dialog.setObjectName(QStringLiteral("restoreDialog"));
    dialog.setWindowTitle(title);
    auto *layout = new QVBoxLayout(&dialog);
    auto *text = new QLabel(intro, &dialog);
    text->setObjectName(QStringLiteral("restoreIntro"));
    text->setWordWrap(true);
    auto *preview = new DiffView(&dialog);
    preview->setObjectName(QStringLiteral("restorePreview"));
    preview->setSchema(schema);
    preview->setCheckable(allowCheckedKeys);
    preview->showDiff(std::move(diff));
    auto *buttons = new QDialogButtonBox(&dialog);
    auto *all = buttons->addButton(QObject::tr("Restore &all"), QDialogButtonBox::AcceptRole);
    all->setObjectName(QStringLiteral("restoreAll"));
    all->setDefault(true);
    QObject::connect(all, &QPushButton::clicked, &dialog, [&dialog] { dialog.done(1); });
    if (allowCheckedKeys) {
        auto *chosen =
            buttons->addButton(QObject::tr("Restore &checked keys"), QDialogButtonBox::ActionRole);
        chosen->setObjectName(QStringLiteral("restoreChecked"));
        QObject::connect(chosen, &QPushButton::clicked, &dialog, [&dialog, preview] {
            if (!preview->checkedKeys().isEmpty())
                dialog.done(2);
        });
        // Enter does what the ticks say: with any key ticked, those keys.
        QObject::connect(preview, &DiffView::checkedChanged, &dialog, [preview, all, chosen] {
            const bool some = !preview->checkedKeys().isEmpty();
            chosen->setDefault(some);
            all->setDefault(!some);
        });
    }
    buttons->addButton(QDialogButtonBox::Cancel);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(text);
    layout->addWidget(preview, 1);
    layout->addWidget(buttons);
    dialog.resize(900, 600);
    RestorePreviewChoice choice;
    switch (runDialog(dialog)) {
    case 1:
        choice.kind = RestorePreviewChoice::Kind::All;
        break;
    case 2:
        choice.kind = RestorePreviewChoice::Kind::CheckedKeys;
        choice.keys = preview->checkedKeys();
        break;
    default:
        break;
    }
    return choice;
}

} // namespace tad
