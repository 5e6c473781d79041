#include "WriteText.h"

#include "json/JsonSplice.h"

namespace tad {

std::string textToWrite(const Json &doc, const std::vector<StoreOp> &ops,
                        const std::string *canonicalBefore, const TextStyle &style)
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
        if (const Json *value = findValue(doc, change->path)) {
            if (auto spliced =
                    spliceMember(*canonicalBefore, change->path.segments(), *value, style))
                return std::move(*spliced);
        }
    }
    return stringify(doc, style);
}

} // namespace tad
