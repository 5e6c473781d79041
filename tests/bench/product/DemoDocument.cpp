#include "DemoDocument.h"

#include "json/JsonText.h"
#include <QFile>
#include <algorithm>

namespace bench {

using namespace tad;

std::string documentOfSize(qint64 target, bool collapsed)
{
    QFile demo(QStringLiteral(TAD_SOURCE_DIR "/resources/demo/tad-config.demo.json"));
    demo.open(QIODevice::ReadOnly);
    const QByteArray bytes = demo.readAll();
    Json doc = parseDocument(std::string_view(bytes.constData(), size_t(bytes.size())))->value;
    doc["ui"]["sidebarCollapsed"] = collapsed;
    const auto workspace = [](int i) {
        return Json{{"path", "/home/ada/src/project-" + std::to_string(i)},
                    {"name", "Project " + std::to_string(i)},
                    {"settings", Json{{"buildOnSave", i % 2 == 0}, {"autoRefresh", i % 3 == 0}}},
                    {"lastOpened", "2026-11-20T09:15:00.000Z"}};
    };
    const qint64 base = qint64(stringify(doc, TextStyle::tabs()).size());
    doc["workspaces"]["ws-0"] = workspace(0);
    const qint64 one = qint64(stringify(doc, TextStyle::tabs()).size()) - base;
    const int count = int(std::max<qint64>(1, (target - base) / std::max<qint64>(one, 1)));
    for (int i = 1; i < count; ++i)
        doc["workspaces"]["ws-" + std::to_string(i)] = workspace(i);
    return stringify(doc, TextStyle::tabs());
}

qint64 parseSize(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t.endsWith(QLatin1Char('k')))
        return qint64(t.chopped(1).toDouble() * 1024);
    if (t.endsWith(QLatin1Char('m')))
        return qint64(t.chopped(1).toDouble() * 1024 * 1024);
    return t.toLongLong();
}

} // namespace bench
