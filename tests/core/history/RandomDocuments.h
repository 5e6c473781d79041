// Random settings-like documents and random edits of them, reproducible
// from a seed, for round-trip tests of patches and rollbacks.
#pragma once

#include "json/Json.h"
#include <iterator>
#include <random>
#include <string>
#include <vector>

namespace historytest {

class RandomDocuments
{
public:
    explicit RandomDocuments(unsigned seed) : m_rng(seed) {}

    tad::Json document(int depth = 3)
    {
        tad::Json doc = tad::Json::object();
        const int members = pick(1, 7);
        for (int i = 0; i < members; ++i)
            doc[key()] = value(depth);
        return doc;
    }

    // A copy of `doc` with a few random edits at random depths.
    tad::Json edited(const tad::Json &doc)
    {
        tad::Json copy = doc;
        const int edits = pick(1, 5);
        for (int i = 0; i < edits; ++i)
            editSomewhere(copy, 0);
        return copy;
    }

    int pick(int low, int high) { return std::uniform_int_distribution<int>(low, high)(m_rng); }

    // A random path to a member of `doc` that exists, through objects only
    // (empty when the root holds no member).
    std::vector<std::string> memberPath(const tad::Json &doc)
    {
        std::vector<std::string> path;
        const tad::Json *node = &doc;
        while (node->is_object() && !node->empty()) {
            auto it = node->begin();
            std::advance(it, pick(0, int(node->size()) - 1));
            path.push_back(it.key());
            node = &*it;
            if (!node->is_object() || pick(0, 2) == 0)
                break;
        }
        return path;
    }

private:
    std::string key()
    {
        // Keys a pointer must escape, keys JavaScript orders first, plain ones.
        static const std::vector<std::string> odd = {"a/b", "~x",      "",  "0",
                                                     "12",  "dot.ted", "ü", "-"};
        if (pick(0, 5) == 0)
            return odd[std::size_t(pick(0, int(odd.size()) - 1))];
        return "k" + std::to_string(pick(0, 40));
    }

    tad::Json value(int depth)
    {
        switch (pick(0, depth > 0 ? 7 : 4)) {
        case 0:
            return nullptr;
        case 1:
            return pick(0, 1) == 1;
        case 2:
            return pick(-1000, 1000);
        case 3:
            return pick(0, 1000) / 8.0;
        case 4:
            return "s" + std::to_string(pick(0, 99));
        case 5:
        case 6: {
            tad::Json object = tad::Json::object();
            const int n = pick(0, 5);
            for (int i = 0; i < n; ++i)
                object[key()] = value(depth - 1);
            return object;
        }
        default: {
            tad::Json array = tad::Json::array();
            const int n = pick(0, 6);
            for (int i = 0; i < n; ++i)
                array.push_back(value(depth - 1));
            return array;
        }
        }
    }

    void editSomewhere(tad::Json &node, int depth)
    {
        if (node.is_object() && !node.empty() && depth < 4 && pick(0, 2) > 0) {
            auto it = node.begin();
            std::advance(it, pick(0, int(node.size()) - 1));
            if (it->is_structured()) {
                editSomewhere(*it, depth + 1);
                return;
            }
        }
        if (node.is_array() && !node.empty() && depth < 4 && pick(0, 2) == 0) {
            editSomewhere(node[std::size_t(pick(0, int(node.size()) - 1))], depth + 1);
            return;
        }
        if (node.is_object()) {
            const int what = pick(0, 2);
            if (what == 0 || node.empty()) {
                node[key()] = value(2);
            } else {
                auto it = node.begin();
                std::advance(it, pick(0, int(node.size()) - 1));
                if (what == 1)
                    node.erase(it);
                else
                    *it = value(2);
            }
        } else if (node.is_array()) {
            const int what = pick(0, 3);
            if (what == 0 || node.empty())
                node.push_back(value(1));
            else if (what == 1)
                node.erase(std::size_t(pick(0, int(node.size()) - 1)));
            else if (what == 2)
                node.insert(node.begin() + pick(0, int(node.size())), value(1));
            else
                node.erase(node.begin() + pick(0, int(node.size()) - 1), node.end());
        }
    }

    std::mt19937 m_rng;
};

} // namespace historytest
