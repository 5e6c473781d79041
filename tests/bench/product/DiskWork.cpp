#include "DiskWork.h"

#include "json/JsonText.h"
#include <QFile>

namespace bench {

DiskWork diskWorkFromJson(const tad::Json &counts)
{
    DiskWork work;
    if (!counts.is_object() || !counts.contains("fsyncs") || !counts.contains("bytesWritten"))
        return work;
    work.valid = true;
    work.fsyncs = counts.value("fsyncs", 0.0);
    work.bytes = counts.value("bytesWritten", 0.0);
    work.writes = counts.value("writes", 0.0);
    return work;
}

DiskWork readDiskWork(const QString &countsFile)
{
    QFile file(countsFile);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    const QByteArray &last = lines.last();
    auto parsed = tad::parseValue(std::string_view(last.constData(), size_t(last.size())));
    return parsed ? diskWorkFromJson(*parsed) : DiskWork();
}

} // namespace bench
