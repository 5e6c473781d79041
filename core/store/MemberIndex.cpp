#include "MemberIndex.h"

#include "io/ContentHash.h"

namespace tad {

bool MemberIndex::holds(std::string_view text) const
{
    return m_valid && text.size() == m_size && contentTag(text) == m_tag;
}

std::optional<std::pair<size_t, size_t>> MemberIndex::locate(std::string_view text,
                                                             const std::vector<std::string> &path)
{
    if (path.empty())
        return std::nullopt;
    if (!holds(text)) {
        m_valid = false;
        m_byName.clear();
        auto members = rootMembers(text);
        if (!members)
            return std::nullopt;
        m_members = std::move(*members);
        for (size_t i = 0; i < m_members.size(); ++i)
            m_byName.emplace(m_members[i].name, i); // a duplicate name: the first one
        m_size = text.size();
        m_tag = contentTag(text);
        m_valid = true;
    }
    const auto found = m_byName.find(path.front());
    if (found == m_byName.end())
        return std::nullopt;
    const MemberRange &member = m_members[found->second];
    if (path.size() == 1)
        return std::make_pair(member.first, member.second);
    const std::string_view value = text.substr(member.first, member.second - member.first);
    const auto inner = locateMember(value, {path.begin() + 1, path.end()});
    if (!inner)
        return std::nullopt;
    return std::make_pair(member.first + inner->first, member.first + inner->second);
}

void MemberIndex::replaced(std::string_view after, const std::string &rootName,
                           std::pair<size_t, size_t> range, size_t length)
{
    const auto found = m_byName.find(rootName);
    if (!m_valid || found == m_byName.end()) {
        m_valid = false;
        return;
    }
    const auto shift = [&](size_t &offset) {
        offset = offset - range.second + range.first + length;
    };
    MemberRange &member = m_members[found->second];
    shift(member.second);
    for (size_t i = found->second + 1; i < m_members.size(); ++i) {
        shift(m_members[i].first);
        shift(m_members[i].second);
    }
    m_size = after.size();
    m_tag = contentTag(after);
}

} // namespace tad
