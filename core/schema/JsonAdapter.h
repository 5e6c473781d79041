// A valijson adapter over nlohmann::basic_json specialisations.
//
// valijson's stock nlohmann adapter is tied to nlohmann::json (std::map
// objects); the store's documents are tad::Json (insertion-ordered objects).
// This template reads any basic_json in place, so schemas are handed to
// valijson's parser without converting them, and enum/const values stay
// tad::Json values that the validator compares with JavaScript equality.
#pragma once

// valijson aborts the process on a schema it cannot parse unless told to
// throw; every file of ours that includes valijson comes through here first.
#ifndef VALIJSON_USE_EXCEPTIONS
#define VALIJSON_USE_EXCEPTIONS 1
#endif

#include <string>
#include <utility>
#include <valijson/exceptions.hpp>
#include <valijson/internal/adapter.hpp>
#include <valijson/internal/basic_adapter.hpp>
#include <valijson/internal/frozen_value.hpp>

namespace tad::schema {

template <class JsonT> class JsonAdapterT;

// The value an enum or const keyword holds; the validator reads it back
// through value() instead of comparing adapters.
template <class JsonT> class FrozenJson : public valijson::adapters::FrozenValue
{
public:
    explicit FrozenJson(JsonT value) : m_value(std::move(value)) {}
    FrozenValue *clone() const override { return new FrozenJson(m_value); }
    bool equalTo(const valijson::adapters::Adapter &other, bool strict) const override
    {
        return JsonAdapterT<JsonT>(m_value).equalTo(other, strict);
    }
    const JsonT &value() const { return m_value; }

private:
    JsonT m_value;
};

template <class JsonT> class JsonArrayIterator
{
public:
    using iterator_category = std::bidirectional_iterator_tag;
    using value_type = JsonAdapterT<JsonT>;
    using difference_type = std::ptrdiff_t;
    using pointer = value_type *;
    using reference = value_type &;

    explicit JsonArrayIterator(typename JsonT::const_iterator it) : m_it(it) {}
    value_type operator*() const { return value_type(*m_it); }
    valijson::adapters::DerefProxy<value_type> operator->() const
    {
        return valijson::adapters::DerefProxy<value_type>(**this);
    }
    bool operator==(const JsonArrayIterator &other) const { return m_it == other.m_it; }
    bool operator!=(const JsonArrayIterator &other) const { return m_it != other.m_it; }
    const JsonArrayIterator &operator++()
    {
        ++m_it;
        return *this;
    }
    JsonArrayIterator operator++(int)
    {
        JsonArrayIterator before(*this);
        ++m_it;
        return before;
    }
    const JsonArrayIterator &operator--()
    {
        --m_it;
        return *this;
    }
    void advance(std::ptrdiff_t n) { m_it += n; }

private:
    typename JsonT::const_iterator m_it;
};

template <class JsonT> class JsonMemberIterator
{
public:
    using member_type = std::pair<std::string, JsonAdapterT<JsonT>>;
    using iterator_category = std::bidirectional_iterator_tag;
    using value_type = member_type;
    using difference_type = std::ptrdiff_t;
    using pointer = member_type *;
    using reference = member_type &;

    explicit JsonMemberIterator(typename JsonT::const_iterator it) : m_it(it) {}
    member_type operator*() const
    {
        return member_type(m_it.key(), JsonAdapterT<JsonT>(m_it.value()));
    }
    valijson::adapters::DerefProxy<member_type> operator->() const
    {
        return valijson::adapters::DerefProxy<member_type>(**this);
    }
    bool operator==(const JsonMemberIterator &other) const { return m_it == other.m_it; }
    bool operator!=(const JsonMemberIterator &other) const { return m_it != other.m_it; }
    const JsonMemberIterator &operator++()
    {
        ++m_it;
        return *this;
    }
    JsonMemberIterator operator++(int)
    {
        JsonMemberIterator before(*this);
        ++m_it;
        return before;
    }
    const JsonMemberIterator &operator--()
    {
        --m_it;
        return *this;
    }

private:
    typename JsonT::const_iterator m_it;
};

template <class JsonT> class JsonArrayView
{
public:
    using const_iterator = JsonArrayIterator<JsonT>;
    using iterator = const_iterator;
    JsonArrayView() : m_value(empty()) {}
    explicit JsonArrayView(const JsonT &value) : m_value(value)
    {
        if (!value.is_array())
            valijson::throwRuntimeError("Value is not an array.");
    }
    const_iterator begin() const { return const_iterator(m_value.cbegin()); }
    const_iterator end() const { return const_iterator(m_value.cend()); }
    size_t size() const { return m_value.size(); }

private:
    static const JsonT &empty()
    {
        static const JsonT value = JsonT::array();
        return value;
    }
    const JsonT &m_value;
};

template <class JsonT> class JsonObjectView
{
public:
    using const_iterator = JsonMemberIterator<JsonT>;
    using iterator = const_iterator;
    JsonObjectView() : m_value(empty()) {}
    explicit JsonObjectView(const JsonT &value) : m_value(value)
    {
        if (!value.is_object())
            valijson::throwRuntimeError("Value is not an object.");
    }
    const_iterator begin() const { return const_iterator(m_value.cbegin()); }
    const_iterator end() const { return const_iterator(m_value.cend()); }
    const_iterator find(const std::string &name) const
    {
        return const_iterator(m_value.find(name));
    }
    size_t size() const { return m_value.size(); }

private:
    static const JsonT &empty()
    {
        static const JsonT value = JsonT::object();
        return value;
    }
    const JsonT &m_value;
};

// The value interface valijson's BasicAdapter builds on.
template <class JsonT> class JsonValueView
{
public:
    JsonValueView() : m_value(empty()) {}
    explicit JsonValueView(const JsonT &value) : m_value(value) {}

    valijson::adapters::FrozenValue *freeze() const { return new FrozenJson<JsonT>(m_value); }

    ::opt::optional<JsonArrayView<JsonT>> getArrayOptional() const
    {
        if (m_value.is_array())
            return ::opt::make_optional(JsonArrayView<JsonT>(m_value));
        return {};
    }
    ::opt::optional<JsonObjectView<JsonT>> getObjectOptional() const
    {
        if (m_value.is_object())
            return ::opt::make_optional(JsonObjectView<JsonT>(m_value));
        return {};
    }
    bool getArraySize(size_t &result) const
    {
        if (!m_value.is_array())
            return false;
        result = m_value.size();
        return true;
    }
    bool getObjectSize(size_t &result) const
    {
        if (!m_value.is_object())
            return false;
        result = m_value.size();
        return true;
    }
    bool getBool(bool &result) const
    {
        if (!m_value.is_boolean())
            return false;
        result = m_value.template get<bool>();
        return true;
    }
    bool getDouble(double &result) const
    {
        if (!m_value.is_number_float())
            return false;
        result = m_value.template get<double>();
        return true;
    }
    bool getInteger(int64_t &result) const
    {
        if (!m_value.is_number_integer())
            return false;
        result = m_value.template get<int64_t>();
        return true;
    }
    bool getString(std::string &result) const
    {
        if (!m_value.is_string())
            return false;
        result = m_value.template get_ref<const std::string &>();
        return true;
    }
    static bool hasStrictTypes() { return true; }
    bool isArray() const { return m_value.is_array(); }
    bool isBool() const { return m_value.is_boolean(); }
    bool isDouble() const { return m_value.is_number_float(); }
    bool isInteger() const { return m_value.is_number_integer(); }
    bool isNull() const { return m_value.is_null(); }
    bool isNumber() const { return m_value.is_number(); }
    bool isObject() const { return m_value.is_object(); }
    bool isString() const { return m_value.is_string(); }

private:
    static const JsonT &empty()
    {
        static const JsonT value = JsonT::object();
        return value;
    }
    const JsonT &m_value;
};

template <class JsonT>
class JsonAdapterT
    : public valijson::adapters::BasicAdapter<JsonAdapterT<JsonT>, JsonArrayView<JsonT>,
                                              std::pair<std::string, JsonAdapterT<JsonT>>,
                                              JsonObjectView<JsonT>, JsonValueView<JsonT>>
{
    using Base = valijson::adapters::BasicAdapter<JsonAdapterT<JsonT>, JsonArrayView<JsonT>,
                                                  std::pair<std::string, JsonAdapterT<JsonT>>,
                                                  JsonObjectView<JsonT>, JsonValueView<JsonT>>;

public:
    JsonAdapterT() = default;
    explicit JsonAdapterT(const JsonT &value) : Base(JsonValueView<JsonT>(value)) {}
};

} // namespace tad::schema

namespace valijson::adapters {
template <class JsonT> struct AdapterTraits<tad::schema::JsonAdapterT<JsonT>>
{
    using DocumentType = JsonT;
    static std::string adapterName() { return "TadJsonAdapter"; }
};
} // namespace valijson::adapters
