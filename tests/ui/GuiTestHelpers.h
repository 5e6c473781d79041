// Shared pieces of the window tests: a settings file in a temporary folder,
// reading it back, and a real conf process writing it.
#pragma once

#include "history/JsonTextPane.h"
#include "keys/KeyPath.h"

#include "json/JsonText.h"
#include <QApplication>
#include <QDialog>
#include <QFile>
#include <QLabel>
#include <QProcess>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QString>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <optional>

namespace guitest {

// Answers the next modal dialog the way a person would: a key (Return takes
// the default button, Escape refuses) or a click on the named button.
// text() is everything the dialog said.
class DialogAnswer : public QObject
{
public:
    explicit DialogAnswer(int key, QString button = {}) : m_key(key), m_button(std::move(button))
    {
        m_poll.setInterval(10);
        QObject::connect(&m_poll, &QTimer::timeout, this, [this] { answer(); });
        m_poll.start();
    }
    bool answered() const { return m_answered; }
    const QString &text() const { return m_text; }
    const QString &title() const { return m_title; }

private:
    void answer()
    {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (!dialog || !dialog->isVisible())
            return;
        m_poll.stop();
        m_title = dialog->windowTitle();
        for (const QLabel *label : dialog->findChildren<QLabel *>())
            m_text += label->text() + QLatin1Char('\n');
        for (const tad::JsonTextPane *pane : dialog->findChildren<tad::JsonTextPane *>())
            m_text += pane->toPlainText() + QLatin1Char('\n');
        m_answered = true;
        if (!m_button.isEmpty()) {
            if (auto *button = dialog->findChild<QPushButton *>(m_button)) {
                QTest::mouseClick(button, Qt::LeftButton);
                return;
            }
        }
        QTest::keyClick(dialog, Qt::Key(m_key));
    }

    int m_key;
    QString m_button;
    QTimer m_poll;
    QString m_text, m_title;
    bool m_answered = false;
};

inline QByteArray readBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

inline bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size();
}

// The value at a dotted key in the file on disk, as compact JSON ("" if missing).
inline QString valueOnDisk(const QString &path, const QString &key)
{
    const QByteArray bytes = readBytes(path);
    auto doc = tad::parseDocument(std::string_view(bytes.constData(), size_t(bytes.size())));
    if (!doc)
        return QStringLiteral("<unparsable>");
    auto keyPath = tad::KeyPath::parse(key.toStdString());
    const tad::Json *v = keyPath ? tad::findValue(doc->value, keyPath.value()) : nullptr;
    return v ? QString::fromStdString(tad::compactJson(*v)) : QString();
}

inline QString demoConfig()
{
    return QStringLiteral(TAD_SOURCE_DIR "/resources/demo/tad-config.demo.json");
}

inline QString testSchema()
{
    return QStringLiteral(TAD_SOURCE_DIR "/tests/ui/data/tad-schema.json");
}

// Sets one key the way the Electron app does: conf 15 with JSON.stringify.
// Starts the process and returns it; the caller waits for it.
inline QProcess *startConfSet(const QString &configPath, const QString &key,
                              const QString &jsonValue, QObject *parent)
{
    const QString node = qEnvironmentVariable("TAD_NODE", QStringLiteral("node"));
    const QString interop =
        qEnvironmentVariable("TAD_INTEROP_DIR", QStringLiteral(TAD_SOURCE_DIR "/tests/interop"));
    const QString folder = configPath.section(QLatin1Char('/'), 0, -2);
    auto *process = new QProcess(parent);
    process->setWorkingDirectory(interop);
    process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process->start(
        node, {QStringLiteral("--input-type=module"), QStringLiteral("-e"),
               QStringLiteral("import Conf from 'conf';"
                              "const c = new Conf({cwd: process.argv[1], configName: 'tad-config',"
                              " serialize: JSON.stringify});"
                              "c.set(process.argv[2], JSON.parse(process.argv[3]));"),
               folder, key, jsonValue});
    return process;
}

} // namespace guitest
