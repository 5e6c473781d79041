// The bytes a write puts in the file: JSON.stringify of the document, found
// in proportion to the change where it can be. When the text of the
// document before the change is known to be exactly its stringify (the
// store wrote it itself) and the change is one `set` of a member that was
// there (tests aside), the new value is spliced into that text
// (json/JsonSplice.h); anything else stringifies the whole document. Both
// give the same bytes.
#pragma once

#include "MemberIndex.h"
#include "Store.h"

#include <string>
#include <vector>

namespace tad {

// `canonicalBefore`: the stringify text of the document before `ops`, or
// null when that is not known. `index` finds the member in it and follows
// the splice.
std::string textToWrite(const Json &doc, const std::vector<StoreOp> &ops,
                        const std::string *canonicalBefore, const TextStyle &style,
                        MemberIndex &index);

} // namespace tad
