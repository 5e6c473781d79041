#include "WindowLauncher.h"

#include "RecentFiles.h"
#include "store/ConfigLocation.h"

#include <QFileInfo>
#include <QMessageBox>

namespace tad {

namespace {

QString canonical(const QString &path)
{
    const QFileInfo info(path);
    const QString resolved = info.canonicalFilePath();
    return resolved.isEmpty() ? info.absoluteFilePath() : resolved;
}

} // namespace

WindowLauncher::WindowLauncher(QString schemaPath, bool rememberState, QObject *parent)
    : QObject(parent), m_schemaPath(std::move(schemaPath)), m_rememberState(rememberState)
{}

MainWindow *WindowLauncher::show(MainWindowOptions options)
{
    if (options.schemaPath.isEmpty())
        options.schemaPath = m_schemaPath;
    options.rememberState = m_rememberState;
    const bool demo = options.demo;
    const QString path = options.configPath;
    auto *window = new MainWindow(std::move(options));
    window->setAttribute(Qt::WA_DeleteOnClose);
    m_windows.append(window);
    connect(window, &MainWindow::openFileRequested, this,
            [this, window](const QString &file) { openFile(file, window); });
    if (!demo) {
        // Listed once it has been read, broken or not: that is when it was opened.
        auto remember = [path] {
            RecentFiles().add(path);
        };
        connect(window, &MainWindow::ready, this, remember, Qt::SingleShotConnection);
        connect(window, &MainWindow::brokenFileShown, this, remember, Qt::SingleShotConnection);
    }
    window->show();
    window->open();
    return window;
}

MainWindow *WindowLauncher::openFile(const QString &path, MainWindow *from, Error *error)
{
    if (MainWindow *open = windowFor(path)) {
        open->raise();
        open->activateWindow();
        return open;
    }
    if (auto checked = checkConfigToOpen(path); !checked) {
        if (error)
            *error = checked.error();
        if (from) {
            auto *box =
                new QMessageBox(QMessageBox::Warning, tr("Cannot open the file"),
                                tr("%1 cannot be opened: %2").arg(path, checked.error().message),
                                QMessageBox::Ok, from);
            box->setObjectName(QStringLiteral("openRefusedMessage"));
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        }
        return nullptr;
    }
    MainWindowOptions options;
    options.configPath = path;
    MainWindow *window = show(std::move(options));
    // The demo copy was only a stand-in until a real file was chosen.
    if (from && from->isDemo())
        from->close();
    return window;
}

QList<MainWindow *> WindowLauncher::windows() const
{
    QList<MainWindow *> list;
    for (const auto &window : m_windows) {
        if (window)
            list.append(window);
    }
    return list;
}

MainWindow *WindowLauncher::windowFor(const QString &path) const
{
    const QString wanted = canonical(path);
    for (MainWindow *window : windows()) {
        if (canonical(window->configPath()) == wanted)
            return window;
    }
    return nullptr;
}

} // namespace tad
