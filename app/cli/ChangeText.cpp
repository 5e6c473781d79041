#include "ChangeText.h"

#include "CliContext.h"
#include "history/JsonPatch.h"

#include "json/JsonText.h"

namespace tad::cli {
namespace {

KeyPath pathOf(const PatchChange &change)
{
    auto path = KeyPath::fromPointer(change.pointer);
    return path ? *path : KeyPath();
}

std::string side(const CliContext &context, const PatchChange &change,
                 const std::optional<Json> &value)
{
    return value ? compactJson(context.shown(*value, pathOf(change))) : std::string("(absent)");
}

} // namespace

std::string changeLine(const CliContext &context, const PatchChange &change)
{
    return pointerToKey(change.pointer) + ": " + side(context, change, change.before) + " \u2192 " +
           side(context, change, change.after);
}

void printChanges(const CliContext &context, const std::vector<PatchChange> &changes,
                  const std::string &indent)
{
    if (changes.empty())
        context.printLine(indent + "no changes");
    for (const PatchChange &change : changes)
        context.printLine(indent + changeLine(context, change));
}

Json changesJson(const CliContext &context, const std::vector<PatchChange> &changes)
{
    Json out = Json::array();
    for (const PatchChange &change : changes) {
        Json item = {{"key", pointerToKey(change.pointer)}, {"pointer", change.pointer}};
        if (change.before)
            item["before"] = context.shown(*change.before, pathOf(change));
        if (change.after)
            item["after"] = context.shown(*change.after, pathOf(change));
        out.push_back(std::move(item));
    }
    return out;
}

void printDocumentDiff(const CliContext &context, const Json &before, const Json &after)
{
    if (context.args.json())
        context.printJson(context.shownPatch(diffJson(before, after)));
    else
        printChanges(context, changesBetween(before, after));
}

std::string countOf(size_t n, const char *singular, const char *plural)
{
    return std::to_string(n) + " " + (n == 1 ? singular : plural);
}

} // namespace tad::cli
