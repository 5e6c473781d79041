#include "Migrator.h"

#include "DocumentOps.h"
#include "JsonPatch.h"
#include "Resources.h"
#include "Version.h"

#include <QDir>
#include <QFile>
#include <algorithm>

namespace tad {

namespace {

const char *kDefaultVersion = "1.0.0"; // the seed's store.get('version', '1.0.0')
const KeyPath kVersionKey = KeyPath::fromSegments({"version"});

const std::vector<std::string> kKnownOps = {"set",  "set-if-missing", "delete", "rename",
                                            "move", "map-enum",       "require"};

Error stepError(const QString &origin, const QString &message)
{
    Error e = makeError(ErrorCode::Usage, QStringLiteral("%1: %2").arg(origin, message));
    e.file = origin;
    return e;
}

std::string textMember(const Json &op, const char *name)
{
    const auto it = op.find(name);
    return it != op.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Result<KeyPath> keyOf(const Json &op, const char *member)
{
    const std::string dotted = textMember(op, member);
    auto path = KeyPath::parse(dotted);
    if (!path)
        return path.error();
    if (path->isEmpty() || path->isRefused() || path->segments().front() == "__internal__")
        return makeError(ErrorCode::Usage,
                         QStringLiteral("\"%1\" is not a key a migration may change")
                             .arg(QString::fromStdString(dotted)));
    return path;
}

Result<void> applyOne(Json &doc, const Json &op)
{
    const std::string kind = textMember(op, "op");
    if (kind == "move") {
        auto from = keyOf(op, "from"), to = keyOf(op, "to");
        if (!from)
            return from.error();
        if (!to)
            return to.error();
        const Json *value = findValue(doc, *from);
        if (!value)
            return {};
        if (findValue(doc, *to))
            return makeError(ErrorCode::Conflict, QStringLiteral("cannot move %1 to %2: %2 exists")
                                                      .arg(QString::fromStdString(from->toDotted()),
                                                           QString::fromStdString(to->toDotted())));
        Json moved = *value;
        if (auto removed = deleteValue(doc, *from); !removed)
            return removed.error();
        return setValue(doc, *to, std::move(moved));
    }
    auto key = keyOf(op, "key");
    if (!key)
        return key.error();
    const QString dotted = QString::fromStdString(key->toDotted());
    const Json *current = findValue(doc, *key);
    if (kind == "set")
        return setValue(doc, *key, op["value"]);
    if (kind == "set-if-missing")
        return current ? Result<void>() : setValue(doc, *key, op["value"]);
    if (kind == "delete") {
        if (auto removed = deleteValue(doc, *key); !removed)
            return removed.error();
        return {};
    }
    if (kind == "require") {
        if (!current)
            return makeError(ErrorCode::Conflict, QStringLiteral("%1 is missing").arg(dotted));
        if (op.contains("value") && !jsEqual(*current, op["value"]))
            return makeError(ErrorCode::Conflict,
                             QStringLiteral("%1 is %2, not %3")
                                 .arg(dotted, QString::fromStdString(compactJson(*current)),
                                      QString::fromStdString(compactJson(op["value"]))));
        return {};
    }
    if (kind == "map-enum") {
        if (!current || !(current->is_string() || current->is_number() || current->is_boolean()))
            return {};
        const std::string from =
            current->is_string() ? current->get<std::string>() : compactJson(*current);
        const Json &map = op["map"];
        if (const auto hit = map.find(from); hit != map.end())
            return setValue(doc, *key, *hit);
        return {};
    }
    if (kind == "rename") {
        const std::string newName = textMember(op, "to");
        if (!current)
            return {};
        Json *parent =
            const_cast<Json *>(key->parent().isEmpty() ? &doc : findValue(doc, key->parent()));
        if (!parent || !parent->is_object())
            return makeError(ErrorCode::Conflict,
                             QStringLiteral("%1 is not an object member").arg(dotted));
        if (parent->contains(newName))
            return makeError(ErrorCode::Conflict,
                             QStringLiteral("cannot rename %1 to \"%2\": it exists")
                                 .arg(dotted, QString::fromStdString(newName)));
        // Same position among its siblings, as a person renaming it would expect.
        Json::object_t renamed;
        for (auto &member : parent->get_ref<Json::object_t &>())
            renamed.emplace(member.first == key->segments().back() ? newName : member.first,
                            std::move(member.second));
        parent->get_ref<Json::object_t &>() = std::move(renamed);
        return {};
    }
    return makeError(ErrorCode::Usage,
                     QStringLiteral("unknown operation \"%1\"").arg(QString::fromStdString(kind)));
}

Result<MigrationStep> parseStep(const Json &json, const QString &origin)
{
    if (!json.is_object())
        return stepError(origin, QStringLiteral("a migration step is an object"));
    MigrationStep step;
    step.origin = origin;
    step.version = QString::fromStdString(textMember(json, "version"));
    step.description = QString::fromStdString(textMember(json, "description"));
    if (!isVersion(step.version))
        return stepError(origin, QStringLiteral("\"version\" must be a version like \"1.1.0\""));
    if (!json.contains("operations") || !json["operations"].is_array())
        return stepError(origin,
                         QStringLiteral("step %1 needs an \"operations\" array").arg(step.version));
    for (const Json &op : json["operations"]) {
        const std::string kind = op.is_object() ? textMember(op, "op") : std::string();
        if (std::find(kKnownOps.begin(), kKnownOps.end(), kind) == kKnownOps.end())
            return stepError(origin, QStringLiteral("step %1: unknown operation \"%2\"")
                                         .arg(step.version, QString::fromStdString(kind)));
        const bool needsValue = kind == "set" || kind == "set-if-missing";
        if ((needsValue && !op.contains("value")) ||
            (kind == "map-enum" && !(op.contains("map") && op["map"].is_object())) ||
            (kind == "rename" && textMember(op, "to").empty()))
            return stepError(origin, QStringLiteral("step %1: \"%2\" is missing a member")
                                         .arg(step.version, QString::fromStdString(kind)));
        if (auto key = keyOf(op, kind == "move" ? "from" : "key"); !key)
            return stepError(origin,
                             QStringLiteral("step %1: %2").arg(step.version, key.error().message));
    }
    step.operations = json["operations"];
    return step;
}

} // namespace

Result<void> applyMigrationOperations(Json &doc, const Json &operations)
{
    for (std::size_t i = 0; i < operations.size(); ++i) {
        if (auto done = applyOne(doc, operations[i]); !done) {
            Error e = done.error();
            e.message =
                QStringLiteral("operation %1 (%2): %3")
                    .arg(i)
                    .arg(QString::fromStdString(textMember(operations[i], "op")), e.message);
            return e;
        }
    }
    return {};
}

Result<std::vector<MigrationStep>> Migrator::parseSteps(const Json &json, const QString &origin)
{
    std::vector<MigrationStep> steps;
    const Json list = json.is_array() ? json : Json::array({json});
    for (const Json &item : list) {
        auto step = parseStep(item, origin);
        if (!step)
            return step.error();
        steps.push_back(std::move(step.value()));
    }
    return steps;
}

Migrator::Migrator(std::vector<MigrationStep> steps) : m_steps(std::move(steps))
{
    std::stable_sort(m_steps.begin(), m_steps.end(),
                     [](const MigrationStep &a, const MigrationStep &b) {
                         return compareVersions(a.version, b.version) < 0;
                     });
}

Result<Migrator> Migrator::builtIn()
{
    ensureResources();
    const QDir dir(QStringLiteral(":/tad/migrations"));
    std::vector<MigrationStep> steps;
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            return stepError(file.fileName(), QStringLiteral("cannot be read"));
        const QByteArray bytes = file.readAll();
        auto json = parseValue(std::string_view(bytes.constData(), std::size_t(bytes.size())));
        if (!json)
            return stepError(file.fileName(), json.error().message);
        auto parsed = parseSteps(*json, file.fileName());
        if (!parsed)
            return parsed.error();
        steps.insert(steps.end(), parsed->begin(), parsed->end());
    }
    return Migrator(std::move(steps));
}

QString Migrator::latestVersion() const
{
    return m_steps.empty() ? QString() : m_steps.back().version;
}

Json MigrationPlan::toJson() const
{
    Json out = Json::object();
    out["from"] = fromVersion.toStdString();
    out["to"] = toVersion.toStdString();
    out["confMigrationVersion"] = confMarker ? *confMarker : Json(nullptr);
    Json list = Json::array();
    for (const auto &s : steps) {
        Json item = Json::object();
        item["version"] = s.step.version.toStdString();
        item["description"] = s.step.description.toStdString();
        item["patch"] = s.patch;
        list.push_back(std::move(item));
    }
    out["steps"] = std::move(list);
    return out;
}

Result<MigrationPlan> Migrator::plan(const Json &doc, const std::string &bytes,
                                     const TextStyle &style, const QString &target) const
{
    MigrationPlan plan;
    const auto version = doc.find("version");
    plan.versionPresent = version != doc.end() && version->is_string();
    plan.fromVersion = plan.versionPresent ? QString::fromStdString(version->get<std::string>())
                                           : QString::fromLatin1(kDefaultVersion);
    plan.toVersion = target.isEmpty() ? latestVersion() : target;
    if (!target.isEmpty() && !isVersion(target))
        return makeError(ErrorCode::Usage,
                         QStringLiteral("\"%1\" is not a version like 1.1.0").arg(target));
    if (const Json *marker =
            findValue(doc, KeyPath::fromSegments({"__internal__", "migrations", "version"})))
        plan.confMarker = *marker;
    plan.result = doc;
    if (plan.toVersion.isEmpty() || compareVersions(plan.fromVersion, plan.toVersion) >= 0)
        return plan;

    std::vector<MigrationStep> chosen;
    for (const auto &step : m_steps)
        if (compareVersions(step.version, plan.fromVersion) > 0 &&
            compareVersions(step.version, plan.toVersion) <= 0)
            chosen.push_back(step);
    if (chosen.empty() || chosen.back().version != plan.toVersion)
        chosen.push_back({plan.toVersion, QStringLiteral("set the version"), Json::array(), {}});

    QString hashBefore = versionHash(bytes);
    for (const auto &step : chosen) {
        Json next = plan.result;
        if (auto done = applyMigrationOperations(next, step.operations); !done) {
            Error e = done.error();
            e.code = ErrorCode::Conflict;
            e.message = QStringLiteral("migration step %1 (%2) failed, nothing was changed: %3")
                            .arg(step.version, step.description, e.message);
            return e;
        }
        (void)setValue(next, kVersionKey, step.version.toStdString());
        MigrationStepPlan stepPlan;
        stepPlan.step = step;
        const ChangeSet change = makeChangeSet(plan.result, next);
        stepPlan.patch = change.patch;
        HistoryEntry &entry = stepPlan.entry;
        entry.source = ChangeSource::Migration;
        entry.operation = "migration";
        entry.version = step.version;
        entry.label = step.description;
        entry.patch = change.patch;
        entry.inverse = change.inverse;
        entry.hashBefore = hashBefore;
        const std::string after = stringify(next, style);
        entry.hashAfter = hashBefore = versionHash(after);
        entry.sizeAfter = qint64(after.size());
        plan.steps.push_back(std::move(stepPlan));
        plan.result = std::move(next);
    }
    return plan;
}

Result<MigrationPlan> Migrator::run(HistoryServices &services, const QString &target) const
{
    Store &store = services.store();
    auto current = store.getAll();
    if (!current)
        return current.error();
    auto planned = plan(*current, store.bytes(), store.style(), target);
    if (!planned || !planned->needed())
        return planned;

    // A file we may not write is refused before its backup is made (or an
    // identical one labelled for a migration that never ran).
    if (auto writable = refuseReadOnly(store.path(), store.stamp()); !writable)
        return writable.error();
    std::optional<BackupPin> pinned;
    if (!store.bytes().empty()) {
        auto backup =
            services.backups().createFromBytes(store.bytes(), QStringLiteral("pre-migration"),
                                               QStringLiteral("before migrating %1 to %2")
                                                   .arg(planned->fromVersion, planned->toVersion));
        if (!backup) {
            Error e = backup.error();
            e.message =
                QStringLiteral("not migrated: the backup before migrating failed: ") + e.message;
            return e;
        }
        if (auto pin = services.backups().pin(backup->info.name, QStringLiteral("migration")))
            pinned = std::move(pin.value());
    }
    std::vector<HistoryEntry> entries;
    for (const auto &s : planned->steps)
        entries.push_back(s.entry);
    services.recorder().describeNextWrite(std::move(entries));
    auto applied =
        store.apply(opsToReach(*current, planned->result), ChangeSource::Migration, "migration");
    services.recorder().forgetAnnotations();
    if (!applied)
        return applied.error();
    return planned;
}

} // namespace tad
