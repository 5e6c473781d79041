// Shared pieces of the history panel tests: a real main window on a copy of
// the demo config, the panels docked in it, and a stand-in for the user in
// front of the confirmation dialogs.
#pragma once

#include "GuiTestHelpers.h"
#include "history/HistoryPanels.h"
#include "session/StoreSession.h"
#include "window/DialogRunner.h"
#include "window/MainWindow.h"

#include <QDialog>
#include <QSignalSpy>
#include <QStandardPaths>
#include <functional>
#include <memory>

namespace guitest {

class HistoryWindowFixture
{
public:
    bool open(bool withSchema = true)
    {
        m_dialogs = 0;
        m_dir = std::make_unique<QTemporaryDir>();
        if (!m_dir->isValid() || !QFile::copy(demoConfig(), configPath()))
            return false;
        QFile::setPermissions(configPath(), QFile::ReadOwner | QFile::WriteOwner);
        tad::MainWindowOptions options;
        options.configPath = configPath();
        if (withSchema)
            options.schemaPath = testSchema();
        options.rememberState = false;
        m_window = std::make_unique<tad::MainWindow>(options);
        m_window->resize(1400, 860);
        m_window->show();
        QSignalSpy ready(m_window.get(), &tad::MainWindow::ready);
        m_window->open();
        if (!ready.wait(20000))
            return false;
        // The application-start backup follows the open on the worker;
        // tests count backups from after it.
        m_window->session()->waitForIdle();
        return true;
    }

    void close()
    {
        tad::setDialogRunner({});
        if (m_window)
            m_window->session()->waitForIdle();
        m_window.reset();
        m_dir.reset();
    }

    QString configPath() const { return m_dir->filePath(QStringLiteral("tad-config.json")); }
    tad::MainWindow *window() const { return m_window.get(); }
    tad::HistoryPanels *panels() const { return m_window->historyPanels(); }

    // Writes through the window's store, as an edit in the tree would.
    bool applyEdit(std::vector<tad::StoreOp> ops)
    {
        QSignalSpy written(m_window->session(), &tad::StoreSession::writeFinished);
        m_window->session()->apply(std::move(ops), tad::ChangeSource::Editor, "set");
        return written.wait(10000) && written.first().at(0).toBool();
    }

    static tad::StoreOp set(const char *key, tad::Json value)
    {
        return tad::StoreOp::set(tad::KeyPath::parse(key).value(), std::move(value));
    }

    // Runs the given answer instead of QDialog::exec and counts the dialogs.
    void answerDialogs(std::function<int(QDialog &)> answer)
    {
        tad::setDialogRunner([this, answer](QDialog &dialog) {
            ++m_dialogs;
            return answer(dialog);
        });
    }
    int dialogsShown() const { return m_dialogs; }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<tad::MainWindow> m_window;
    int m_dialogs = 0;
};

// Accepts a plain confirmation.
inline int acceptDialog(QDialog &dialog)
{
    dialog.accept();
    return QDialog::Accepted;
}

} // namespace guitest
