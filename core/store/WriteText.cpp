#include "WriteText.h"

#include "json/JsonSplice.h"

namespace tad {

std::string textToWrite(const Json &doc, const std::vector<StoreOp> &ops,
                        const std::string *canonicalBefore, const TextStyle &style,
                        MemberIndex &index)
{
    const StoreOp *change = nullptr;
    for (const auto &op : ops) {
        if (op.kind == StoreOp::Kind::Test)
            continue;
        if (change || op.kind != StoreOp::Kind::Set || op.path.isEmpty()) {
            change = nullptr;
            canonicalBefore = nullptr; // more than one change, or not a set of a member
            break;
        }
        change = &op;
    }
    if (canonicalBefore && change) {
        // The value as the document now holds it, at the member the text had.
        const std::vector<std::string> &path = change->path.segments();
        const Json *value = findValue(doc, change->path);
        if (const auto range = value ? index.locate(*canonicalBefore, path) : std::nullopt) {
            std::string spliced =
                replaceRange(*canonicalBefore, *range, *value, style, int(path.size()));
            const size_t length =
                spliced.size() + (range->second - range->first) - canonicalBefore->size();
            index.replaced(spliced, path.front(), *range, length);
            return spliced;
        }
    }
    return stringify(doc, style);
}

} // namespace tad
