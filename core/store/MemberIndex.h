// Where each root member's value lies in the store's own text, so that a
// splice (WriteText.h) scans only the member it changes, not the members
// before it: in a 1 MB file whose large `workspaces` comes before `ui`, a
// set of ui.sidebarCollapsed skipped the whole megabyte on every write.
//
// The index knows the text it was built for by its size and fingerprint
// (io/ContentHash.h, microseconds per MB), so a text it was not built for
// is indexed again, never located wrongly. After a splice it moves the
// members behind the changed one by the difference in length.
#pragma once

#include "json/JsonSplice.h"
#include <QtGlobal>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace tad {

class MemberIndex
{
public:
    // The byte range of the value at `path` (object members only) in `text`;
    // nullopt if the text does not hold it.
    std::optional<std::pair<size_t, size_t>> locate(std::string_view text,
                                                    const std::vector<std::string> &path);
    // `text` is now `after`: the value of root member `rootName` that
    // was at `range` was replaced by `length` bytes.
    void replaced(std::string_view after, const std::string &rootName,
                  std::pair<size_t, size_t> range, size_t length);

private:
    bool holds(std::string_view text) const;

    size_t m_size = 0;
    quint64 m_tag = 0;
    bool m_valid = false;
    std::vector<MemberRange> m_members;
    std::unordered_map<std::string, size_t> m_byName; // index into m_members
};

} // namespace tad
