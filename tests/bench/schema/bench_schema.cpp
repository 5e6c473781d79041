// Validation speed beside Ajv on the same data, in one run: a ~1 MB
// document checked whole, and a one-key change checked the way a write is
// (addedSchemaViolations on the touched path). Prints numbers only.
#include "SchemaTestData.h"
#include "schema/ChangeCheck.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTemporaryDir>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>

using tad::Json;

namespace {

double medianMs(int rounds, const std::function<void()> &fn)
{
    std::vector<double> samples;
    for (int i = 0; i < rounds; ++i) {
        const auto start = std::chrono::steady_clock::now();
        fn();
        samples.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count());
    }
    std::sort(samples.begin(), samples.end());
    return samples[samples.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const tad::Schema schema = schematest::shippedSchema();
    if (schema.isNull()) {
        std::fprintf(stderr, "cannot load the shipped schema\n");
        return 1;
    }
    const int workspaces = 6000;
    const Json before = schematest::CorpusGenerator::bigDocument(workspaces);
    const std::string text = before.dump();
    Json after = before;
    after["settings"]["fontSize"] = 16;
    Json afterDeep = before;
    afterDeep["workspaces"]["ws-103000"]["name"] = "Renamed";

    const int rounds = 50;
    size_t violations = 0;
    const double wholeMs = medianMs(rounds, [&] { violations += schema.validate(before).size(); });
    const double yesNoMs = medianMs(rounds, [&] { violations += schema.isValid(before) ? 0 : 1; });
    const double singleKeyMs = medianMs(rounds * 20, [&] {
        violations +=
            tad::addedSchemaViolations(schema, before, after, {{"settings", "fontSize"}}).size();
    });
    const double deepKeyMs = medianMs(rounds * 20, [&] {
        violations += tad::addedSchemaViolations(schema, before, afterDeep,
                                                 {{"workspaces", "ws-103000", "name"}})
                          .size();
    });

    std::printf("document: %d workspaces, %.2f MB, %zu violations found in total\n", workspaces,
                text.size() / 1048576.0, violations);
    std::printf("tad  whole document (all errors):   %8.3f ms\n", wholeMs);
    std::printf("tad  whole document (yes/no):       %8.3f ms\n", yesNoMs);
    std::printf("tad  one-key change settings.fontSize: %8.4f ms\n", singleKeyMs);
    std::printf("tad  one-key change workspaces.<id>.name: %8.4f ms\n", deepKeyMs);

    const QString node = QStringLiteral(TAD_NODE);
    if (node.isEmpty()) {
        std::printf("ajv  (node not found at configure time)\n");
        return 0;
    }
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("doc.json")));
    if (!file.open(QIODevice::WriteOnly))
        return 1;
    file.write(text.data(), static_cast<qint64>(text.size()));
    file.close();
    QProcess ajv;
    ajv.setWorkingDirectory(QStringLiteral(TAD_INTEROP_DIR));
    ajv.start(node, {QStringLiteral(TAD_SOURCE_DIR "/tests/interop/schema/ajv-bench.mjs"),
                     schematest::shippedSchemaPath(), file.fileName(), QString::number(rounds)});
    ajv.waitForFinished(300000);
    const QByteArray out = ajv.readAllStandardOutput();
    const Json result = Json::parse(out.toStdString(), nullptr, false);
    if (result.is_discarded()) {
        std::printf("ajv  failed: %s\n", ajv.readAllStandardError().constData());
        return 0;
    }
    const double ajvWhole = result["wholeMs"].get<double>();
    const double ajvSingle = result["singleKeyMs"].get<double>();
    std::printf("ajv  whole document (allErrors):    %8.3f ms   -> tad/ajv %.2fx\n", ajvWhole,
                wholeMs / ajvWhole);
    std::printf("ajv  one-key change (electron-store validates the whole store): %8.3f ms\n",
                ajvSingle);
    return 0;
}
