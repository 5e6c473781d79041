#include "FileActions.h"

#include "common/ThemeIcons.h"

#include <QAction>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QMimeData>

namespace tad {

namespace {

// The one local file a drag carries, or "" when it carries anything else.
QString droppedFile(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls() || mime->urls().size() != 1)
        return {};
    const QUrl url = mime->urls().constFirst();
    return url.isLocalFile() ? url.toLocalFile() : QString();
}

} // namespace

FileActions::FileActions(QMainWindow *window, QMenu *fileMenu, QString currentPath)
    : QObject(window), m_window(window), m_currentPath(std::move(currentPath))
{
    QAction *first = fileMenu->actions().isEmpty() ? nullptr : fileMenu->actions().constFirst();
    auto *open = new QAction(tr("&Open..."), this);
    open->setIcon(ThemeIcons::icon(ThemeIcons::Open));
    open->setObjectName(QStringLiteral("openAction"));
    open->setShortcut(QKeySequence::Open);
    connect(open, &QAction::triggered, this, &FileActions::chooseFile);
    fileMenu->insertAction(first, open);

    m_recentMenu = new QMenu(tr("Open &Recent"), fileMenu);
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    fileMenu->insertMenu(first, m_recentMenu);
    fileMenu->insertSeparator(first);
    connect(m_recentMenu, &QMenu::aboutToShow, this, &FileActions::fillRecentMenu);
    fillRecentMenu();

    window->setAcceptDrops(true);
    window->installEventFilter(this);
}

void FileActions::chooseFile()
{
    const QString folder =
        m_currentPath.isEmpty() ? QDir::homePath() : QFileInfo(m_currentPath).absolutePath();
    auto *dialog = new QFileDialog(m_window, tr("Open a settings file"), folder,
                                   tr("JSON files (*.json);;All files (*)"));
    dialog->setObjectName(QStringLiteral("openDialog"));
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &FileActions::openRequested);
    dialog->open();
}

void FileActions::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList paths = m_recent.paths();
    int number = 0;
    for (const QString &path : paths) {
        ++number;
        const bool exists = QFileInfo::exists(path);
        // &1 .. &9 and 1&0 as mnemonics, as desktop apps number their recent files.
        const QString mnemonic =
            number < 10 ? QStringLiteral("&%1").arg(number) : QStringLiteral("1&0");
        const QString text = exists ? QStringLiteral("%1  %2").arg(mnemonic, path)
                                    : tr("%1  %2 (missing)").arg(mnemonic, path);
        QAction *action = m_recentMenu->addAction(text);
        action->setData(path);
        action->setEnabled(exists);
        connect(action, &QAction::triggered, this, [this, path] { Q_EMIT openRequested(path); });
    }
    if (paths.isEmpty()) {
        m_recentMenu->addAction(tr("No recent files"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    QAction *clear = m_recentMenu->addAction(tr("&Clear the list"));
    clear->setObjectName(QStringLiteral("clearRecentAction"));
    connect(clear, &QAction::triggered, this, [this] {
        m_recent.clear();
        fillRecentMenu();
    });
}

bool FileActions::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window) {
        switch (event->type()) {
        case QEvent::DragEnter:
        case QEvent::DragMove: {
            auto *drag = static_cast<QDropEvent *>(event);
            if (!droppedFile(drag->mimeData()).isEmpty()) {
                drag->acceptProposedAction();
                return true;
            }
            break;
        }
        case QEvent::Drop: {
            auto *drop = static_cast<QDropEvent *>(event);
            const QString path = droppedFile(drop->mimeData());
            if (!path.isEmpty()) {
                drop->acceptProposedAction();
                Q_EMIT openRequested(path);
                return true;
            }
            break;
        }
        default:
            break;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace tad
