// Small helpers shared by the history tests: files in a temporary folder,
// a clock the test moves by hand.
#pragma once

#include "history/BackupName.h"
#include "io/AtomicFile.h"

#include "json/Json.h"
#include "json/JsonText.h"
#include <QDateTime>
#include <QFile>
#include <QTimeZone>
#include <memory>
#include <string>

namespace historytest {

inline std::string readBytes(const QString &path)
{
    auto file = tad::readFile(path);
    return file && file->stamp.exists ? file->bytes : std::string("<missing>");
}

inline void writeBytes(const QString &path, const std::string &bytes)
{
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(bytes.data(), qint64(bytes.size()));
}

inline quint32 modeOf(const QString &path)
{
    auto stamp = tad::statFile(path);
    return stamp ? stamp->mode & 0777 : 0;
}

// A clock the test advances; copies share the same time.
class ManualClock
{
public:
    explicit ManualClock(QDateTime start = QDateTime(QDate(2024, 1, 1), QTime(9, 0),
                                                     QTimeZone::utc()))
        : m_now(std::make_shared<QDateTime>(start))
    {}
    tad::Clock clock() const
    {
        return [now = m_now] {
            return *now;
        };
    }
    void advanceSecs(qint64 s) { *m_now = m_now->addSecs(s); }
    void advanceMSecs(qint64 ms) { *m_now = m_now->addMSecs(ms); }
    QDateTime now() const { return *m_now; }

private:
    std::shared_ptr<QDateTime> m_now;
};

} // namespace historytest
