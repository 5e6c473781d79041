// An insertion-ordered map for nlohmann::basic_json's ObjectType.
//
// JavaScript objects keep insertion order, so the store must too. nlohmann's
// own ordered_map does a linear search per key, which makes parsing an object
// with thousands of keys (the `workspaces` map) quadratic. This map keeps the
// elements in a vector for order and adds a hash index once an object grows
// past a few keys. The index is a cache: every hit is checked against the
// vector and a stale index is rebuilt, so a missed invalidation can cost
// time but never give a wrong answer.
#pragma once

#include <cstddef>
#include <functional>
#include <initializer_list>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace tad {

template <class Key, class T, class IgnoredLess = std::less<Key>,
          class Allocator = std::allocator<std::pair<const Key, T>>>
class IndexedMap : public std::vector<std::pair<const Key, T>, Allocator>
{
public:
    using key_type = Key;
    using mapped_type = T;
    using Container = std::vector<std::pair<const Key, T>, Allocator>;
    using iterator = typename Container::iterator;
    using const_iterator = typename Container::const_iterator;
    using size_type = typename Container::size_type;
    using value_type = typename Container::value_type;
    using key_compare = std::equal_to<>;

    IndexedMap() = default;
    IndexedMap(const IndexedMap &other) : Container(other) {}
    IndexedMap(IndexedMap &&other) noexcept
        : Container(std::move(other)), m_index(std::move(other.m_index))
    {
        other.m_index.clear();
    }
    IndexedMap &operator=(const IndexedMap &other)
    {
        if (this != &other) {
            Container::operator=(other);
            m_index.clear();
        }
        return *this;
    }
    IndexedMap &operator=(IndexedMap &&other) noexcept
    {
        Container::operator=(std::move(other));
        m_index = std::move(other.m_index);
        other.m_index.clear();
        return *this;
    }
    explicit IndexedMap(const Allocator &alloc) : Container(alloc) {}
    template <class It>
    IndexedMap(It first, It last, const Allocator &alloc = Allocator()) : Container(alloc)
    {
        for (; first != last; ++first)
            insert(*first);
    }
    IndexedMap(std::initializer_list<value_type> init, const Allocator &alloc = Allocator())
        : Container(alloc)
    {
        for (const auto &v : init)
            insert(v);
    }

    // --- lookup -----------------------------------------------------------
    template <class K> iterator find(const K &key)
    {
        const size_type pos = position(key);
        return pos == npos ? this->end() : this->begin() + static_cast<std::ptrdiff_t>(pos);
    }
    template <class K> const_iterator find(const K &key) const
    {
        const size_type pos = position(key);
        return pos == npos ? this->cend() : this->cbegin() + static_cast<std::ptrdiff_t>(pos);
    }
    template <class K> size_type count(const K &key) const { return position(key) == npos ? 0 : 1; }
    template <class K> bool contains(const K &key) const { return position(key) != npos; }

    template <class K> T &at(const K &key)
    {
        const size_type pos = position(key);
        if (pos == npos)
            throw std::out_of_range("key not found");
        return (*this)[pos].second;
    }
    template <class K> const T &at(const K &key) const
    {
        const size_type pos = position(key);
        if (pos == npos)
            throw std::out_of_range("key not found");
        return Container::operator[](pos).second;
    }

    using Container::operator[];
    T &operator[](const Key &key) { return emplace(key, T{}).first->second; }
    T &operator[](Key &&key) { return emplace(std::move(key), T{}).first->second; }
    // A named condition: lupdate's parser misreads the `>>>>` of the nested form.
    template <class K>
    using EnableForKeyLike =
        std::enable_if_t<std::is_constructible_v<Key, K> && !std::is_integral_v<std::decay_t<K>>>;
    template <class K, class = EnableForKeyLike<K>>
    T &operator[](K &&key)
    {
        return emplace(Key(std::forward<K>(key)), T{}).first->second;
    }
    const T &operator[](const Key &key) const { return at(key); }

    // --- insertion --------------------------------------------------------
    template <class K, class V> std::pair<iterator, bool> emplace(K &&key, V &&value)
    {
        const size_type pos = position(key);
        if (pos != npos)
            return {this->begin() + static_cast<std::ptrdiff_t>(pos), false};
        growIfFull();
        Container::emplace_back(Key(std::forward<K>(key)), T(std::forward<V>(value)));
        noteAppended();
        return {std::prev(this->end()), true};
    }
    std::pair<iterator, bool> insert(const value_type &value)
    {
        return emplace(value.first, value.second);
    }
    std::pair<iterator, bool> insert(value_type &&value)
    {
        return emplace(value.first, std::move(value.second));
    }
    template <class It> void insert(It first, It last)
    {
        for (; first != last; ++first)
            insert(*first);
    }

    // --- removal ----------------------------------------------------------
    template <class K> size_type erase(const K &key)
    {
        const size_type pos = position(key);
        if (pos == npos)
            return 0;
        erase(this->begin() + static_cast<std::ptrdiff_t>(pos));
        return 1;
    }
    iterator erase(iterator pos) { return erase(pos, std::next(pos)); }
    iterator erase(iterator first, iterator last)
    {
        if (first == last)
            return first;
        // value_type holds a const key, so elements cannot be assigned: shift
        // the tail down by destroying and re-constructing in place.
        const auto offset = std::distance(this->begin(), first);
        const auto removed = std::distance(first, last);
        for (auto it = first; std::next(it, removed) != this->end(); ++it) {
            it->~value_type();
            new (&*it) value_type{std::move(*std::next(it, removed))};
        }
        Container::resize(this->size() - static_cast<size_type>(removed));
        m_index.clear();
        return this->begin() + offset;
    }
    void clear() noexcept
    {
        Container::clear();
        m_index.clear();
    }

private:
    static constexpr size_type npos = static_cast<size_type>(-1);
    // Below this many keys a linear scan beats hashing.
    static constexpr size_type kIndexThreshold = 12;

    template <class K> size_type position(const K &key) const
    {
        const size_type n = this->size();
        if (n < kIndexThreshold) {
            for (size_type i = 0; i < n; ++i) {
                if (Container::operator[](i).first == key)
                    return i;
            }
            return npos;
        }
        if (m_index.size() != n)
            rebuildIndex();
        auto hit = m_index.find(std::string_view(key));
        if (hit == m_index.end())
            return npos;
        if (hit->second < n && Container::operator[](hit->second).first == key)
            return hit->second;
        rebuildIndex();
        hit = m_index.find(std::string_view(key));
        return hit == m_index.end() ? npos : hit->second;
    }

    // value_type has a const key, so its move constructor may throw and
    // std::vector copies whole elements when it grows: every Json value would
    // be deep-copied each time a large object doubles. Copy only the keys and
    // move the values (Json's move is noexcept).
    void growIfFull()
    {
        if (this->size() < this->capacity())
            return;
        Container bigger(this->get_allocator());
        bigger.reserve(this->capacity() < 4 ? 4 : this->capacity() * 2);
        try {
            for (auto &element : *this)
                bigger.emplace_back(element.first, std::move(element.second));
        } catch (...) {
            for (size_type i = 0; i < bigger.size(); ++i)
                (*this)[i].second = std::move(bigger[i].second);
            throw;
        }
        Container::swap(bigger);
    }

    void noteAppended()
    {
        const size_type n = this->size();
        if (n < kIndexThreshold)
            return;
        if (m_index.size() + 1 == n)
            m_index.emplace(std::string(Container::operator[](n - 1).first), n - 1);
        else
            m_index.clear();
    }

    void rebuildIndex() const
    {
        m_index.clear();
        m_index.reserve(this->size() * 2);
        for (size_type i = 0; i < this->size(); ++i)
            m_index.emplace(std::string(Container::operator[](i).first), i);
    }

    struct Hash
    {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    // Owns copies of the keys: element keys move when the vector grows.
    mutable std::unordered_map<std::string, size_type, Hash, std::equal_to<>> m_index;
};

} // namespace tad
