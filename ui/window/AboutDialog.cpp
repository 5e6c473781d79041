#include "AboutDialog.h"

#include "history/BackupManager.h"
#include "history/History.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace tad {

AboutDialog::AboutDialog(const QString &configPath, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About TAD Settings"));

    auto *layout = new QVBoxLayout(this);
    auto *head = new QHBoxLayout;
    auto *icon = new QLabel(this);
    icon->setPixmap(QApplication::windowIcon().pixmap(64, 64));
    const QString version = tr("TAD Settings %1").arg(QStringLiteral(TAD_VERSION_STRING));
    const QString what = tr("A settings editor and inspector for TAD's tad-config.json, safe to "
                            "use while the app is running.");
    const QString licence = tr("Licensed under the MIT licence (%1). Qt is used under the "
                               "GNU LGPL version 3.")
                                .arg(QStringLiteral(TAD_LICENSE_FILE));
    auto *title = new QLabel(
        QStringLiteral("<b>%1</b><br>%2").arg(version.toHtmlEscaped(), what.toHtmlEscaped()), this);
    title->setObjectName(QStringLiteral("aboutVersion"));
    title->setWordWrap(true);
    head->addWidget(icon, 0, Qt::AlignTop);
    head->addWidget(title, 1);
    layout->addLayout(head);
    auto *licenceLabel = new QLabel(licence, this);
    licenceLabel->setObjectName(QStringLiteral("aboutLicence"));
    licenceLabel->setWordWrap(true);
    licenceLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(licenceLabel);
    m_text = version + QLatin1Char('\n') + what + QLatin1Char('\n') + licence + QLatin1Char('\n');

    m_paths = new QFormLayout;
    layout->addLayout(m_paths);
    addPath(QStringLiteral("aboutConfig"), tr("Settings file"), configPath);
    addPath(QStringLiteral("aboutBackups"), tr("Backups"), BackupManager(configPath).directory());
    addPath(QStringLiteral("aboutHistory"), tr("Change history"), History(configPath).directory());
    addPath(QStringLiteral("aboutWindowState"), tr("Window layout"), QSettings().fileName());

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *copy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("aboutCopy"));
    connect(copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_text); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    // Wide enough for the usual paths on one line each (longer ones wrap),
    // and as high as the wrapped text then needs.
    setMinimumWidth(620);
    resize(620, layout->totalHeightForWidth(620));
}

QLabel *AboutDialog::addPath(const QString &objectName, const QString &title, const QString &path)
{
    auto *label = new QLabel(QDir::toNativeSeparators(path), this);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    m_paths->addRow(title + QLatin1Char(':'), label);
    m_text += title + QStringLiteral(": ") + QDir::toNativeSeparators(path) + QLatin1Char('\n');
    return label;
}

QString AboutDialog::text() const
{
    return m_text;
}

} // namespace tad
