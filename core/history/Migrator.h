// Migrations declared as data (resources/migrations/*.json): each step has a
// version, a description and operations. The steps newer than the file's
// `version` (the seed's "1.0.0" when absent) and not newer than the target
// run in version order, all in memory first: if one fails, nothing is
// written. Then one atomic write through the store, after a `pre-migration`
// backup, recorded as one history entry per step.
//
// Operations (keys in dot notation, dot-prop 10 rules):
//   {"op":"set",            "key":K, "value":V}
//   {"op":"set-if-missing", "key":K, "value":V}
//   {"op":"delete",         "key":K}
//   {"op":"rename",         "key":K, "to":NAME}     same parent, same position
//   {"op":"move",           "from":K, "to":K2}      refuses to overwrite
//   {"op":"map-enum",       "key":K, "map":{"old":"new", ...}}
//   {"op":"require",        "key":K [, "value":V]}  fails the step unless present (and equal)
// conf's own marker `__internal__` is never touched by a step.
#pragma once

#include "HistoryHooks.h"

#include "json/JsonText.h"
#include <optional>
#include <vector>

namespace tad {

struct MigrationStep
{
    QString version;
    QString description;
    Json operations = Json::array();
    QString origin; // the file it came from
};

struct MigrationStepPlan
{
    MigrationStep step;
    Json patch = Json::array(); // what this step changes (version included)
    HistoryEntry entry;         // the entry it will be recorded as
};

struct MigrationPlan
{
    QString fromVersion; // the file's version ("1.0.0" when absent)
    bool versionPresent = false;
    QString toVersion;
    std::optional<Json> confMarker; // __internal__.migrations.version, shown and kept
    std::vector<MigrationStepPlan> steps;
    Json result = Json::object(); // the document after every step
    bool needed() const { return !steps.empty(); }
    Json toJson() const;
};

class Migrator
{
public:
    explicit Migrator(std::vector<MigrationStep> steps);

    // The steps shipped in the binaries (":/tad/migrations/*.json").
    static Result<Migrator> builtIn();
    // One step object, or an array of them. Usage errors name `origin`.
    static Result<std::vector<MigrationStep>> parseSteps(const Json &json, const QString &origin);

    const std::vector<MigrationStep> &steps() const { return m_steps; }
    QString latestVersion() const;

    // What migrating `doc` (whose file bytes are `bytes`) to `target` (the
    // latest step when empty) would do. A failing step is an error naming it.
    Result<MigrationPlan> plan(const Json &doc, const std::string &bytes, const TextStyle &style,
                               const QString &target = {}) const;
    // Plans, backs up (`pre-migration`) and writes. Not needed: no write.
    Result<MigrationPlan> run(HistoryServices &services, const QString &target = {}) const;

private:
    std::vector<MigrationStep> m_steps; // sorted by version
};

// Runs one step's operations on `doc`; an error says which operation failed.
Result<void> applyMigrationOperations(Json &doc, const Json &operations);

} // namespace tad
