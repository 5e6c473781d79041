// The official JSON-Schema-Test-Suite (draft-07) through our validator, for
// the keywords the app relies on. Every failing case must be listed, with
// its reason, in testsuite-known-failures.txt (and docs/SCHEMA.md); a
// listed case that starts passing must be removed from the list.
#include "schema/Schema.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QTest>
#include <cstdio>

using tad::Json;

namespace {

const char *kSuiteDir = "/usr/share/json-schema-test-suite/tests/draft7";

QStringList suiteFiles()
{
    QStringList files;
    for (const char *keyword : {"type",
                                "enum",
                                "const",
                                "minimum",
                                "maximum",
                                "exclusiveMinimum",
                                "exclusiveMaximum",
                                "multipleOf",
                                "minLength",
                                "maxLength",
                                "pattern",
                                "items",
                                "additionalItems",
                                "minItems",
                                "maxItems",
                                "uniqueItems",
                                "properties",
                                "patternProperties",
                                "additionalProperties",
                                "required",
                                "anyOf",
                                "oneOf",
                                "allOf",
                                "not",
                                "ref",
                                "definitions",
                                "default",
                                "boolean_schema",
                                "minProperties",
                                "maxProperties",
                                "dependencies",
                                "propertyNames",
                                "contains",
                                "if-then-else"})
        files << QStringLiteral("%1.json").arg(QLatin1String(keyword));
    for (const char *format : {"email", "date-time", "date", "time", "uri", "hostname", "ipv4",
                               "ipv6", "regex", "json-pointer", "relative-json-pointer"})
        files << QStringLiteral("optional/format/%1.json").arg(QLatin1String(format));
    return files;
}

Json readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Json();
    const QByteArray bytes = file.readAll();
    return Json::parse(bytes.constData(), bytes.constData() + bytes.size(), nullptr, false);
}

QSet<QString> knownFailures()
{
    QSet<QString> known;
    QFile file(QStringLiteral(TAD_SOURCE_DIR "/tests/core/schema/testsuite-known-failures.txt"));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return known;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        known.insert(line.section(QStringLiteral(" | "), 0, 2));
    }
    return known;
}

} // namespace

class TestSchemaTestSuite : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void runSuite()
    {
        QVERIFY2(QDir(QLatin1String(kSuiteDir)).exists(),
                 "json-schema-test-suite is not installed");
        const QSet<QString> known = knownFailures();
        QStringList unexpected;
        QSet<QString> failedKnown;
        int total = 0, passed = 0;
        for (const QString &name : suiteFiles()) {
            const Json groups = readJson(QLatin1String(kSuiteDir) + QLatin1Char('/') + name);
            QVERIFY2(groups.is_array(), qPrintable(name));
            for (const auto &group : groups) {
                const QString groupName =
                    QString::fromStdString(group["description"].get<std::string>());
                auto schema =
                    tad::Schema::fromJson(group["schema"], name, tad::Schema::Shape::WholeSchema);
                for (const auto &test : group["tests"]) {
                    const QString id =
                        QStringLiteral("%1 | %2 | %3")
                            .arg(name, groupName,
                                 QString::fromStdString(test["description"].get<std::string>()));
                    ++total;
                    const bool expected = test["valid"].get<bool>();
                    bool ok = false;
                    if (schema.ok()) {
                        const bool valid = schema->isValid(test["data"]);
                        // Both walks must agree: the yes/no one stops early.
                        const bool listed = schema->validate(test["data"]).empty();
                        ok = valid == expected && listed == expected;
                    }
                    if (ok) {
                        ++passed;
                    } else if (known.contains(id)) {
                        failedKnown.insert(id);
                    } else {
                        unexpected
                            << id + (schema.ok() ? QString()
                                                 : QStringLiteral(" (") + schema.error().message +
                                                       QLatin1Char(')'));
                    }
                }
            }
        }
        std::printf(
            "JSON-Schema-Test-Suite draft7: %d of %d cases pass (%.1f%%), %d known failures\n",
            passed, total, 100.0 * passed / total, int(failedKnown.size()));
        for (const auto &id : unexpected)
            std::printf("UNEXPECTED FAILURE: %s\n", qPrintable(id));
        for (const auto &id : known - failedKnown)
            std::printf("LISTED BUT PASSES: %s\n", qPrintable(id));
        QVERIFY(total > 400);
        QCOMPARE(unexpected.size(), 0);
        QCOMPARE(int((known - failedKnown).size()), 0);
    }
};

QTEST_GUILESS_MAIN(TestSchemaTestSuite)
#include "tst_schema_testsuite.moc"
