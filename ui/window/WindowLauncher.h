// Opens settings files in windows: the first at start-up, and every file a
// window asks for (File > Open, Open Recent, a drop). A file already open is
// brought to the front instead of opened twice; a file that cannot be opened
// is refused with a message on the window that asked; the demo copy's window
// gives way to the real file the person opened. Each opened file joins the
// recent files.
#pragma once

#include "MainWindow.h"

#include <QObject>
#include <QPointer>
#include <QString>

namespace tad {

class WindowLauncher : public QObject
{
    Q_OBJECT
public:
    // `schemaPath`: the schema every window uses; `rememberState`: window
    // geometry in QSettings (off in tests).
    explicit WindowLauncher(QString schemaPath, bool rememberState = true,
                            QObject *parent = nullptr);

    // A window for `options` (its schema and state filled in), shown and reading.
    MainWindow *show(MainWindowOptions options);
    // The window for `path`: the one that already shows it, or a new one.
    // Null when the file cannot be opened; the reason is shown on `from`
    // (when given) and returned in `error`.
    MainWindow *openFile(const QString &path, MainWindow *from = nullptr, Error *error = nullptr);

    QList<MainWindow *> windows() const;

private:
    MainWindow *windowFor(const QString &path) const;

    QString m_schemaPath;
    bool m_rememberState;
    QList<QPointer<MainWindow>> m_windows;
};

} // namespace tad
