#include "InstanceValidator.h"

#include "Formats.h"
#include "JsValues.h"
#include "JsonAdapter.h"
#include "SchemaPaths.h"

#include "json/JsonText.h"
#include <cmath>
#include <valijson/constraints/concrete_constraints.hpp>
#include <valijson/constraints/constraint_visitor.hpp>

namespace tad::schema {

namespace {

using namespace valijson::constraints;
using valijson::Subschema;

const Json &frozenJson(const valijson::adapters::FrozenValue &value)
{
    // Every frozen value comes from our adapter (see JsonAdapter.h).
    return static_cast<const FrozenJson<Json> &>(value).value();
}

// One visitor per validation run; descending into a child swaps the current
// value and path in place, so no visitor or std::function is built per node.
class Walker : public ConstraintVisitor
{
public:
    Walker(const CompiledSchema &compiled, SchemaViolations *out,
           const std::vector<std::string> *focus)
        : m_compiled(compiled), m_out(out), m_focus(focus), m_onFocus(focus && !focus->empty()),
          m_apply([this](const Constraint &c) { return c.accept(*this); })
    {}

    bool run(const Json &document)
    {
        m_value = &document;
        return validate(&m_compiled.tree);
    }

    bool visit(const AllOfConstraint &c) override
    {
        bool ok = true;
        c.applyToSubschemas([&](unsigned, const Subschema *s) {
            ok = validate(s) && ok;
            return ok || m_out;
        });
        return ok;
    }

    bool visit(const AnyOfConstraint &c) override
    {
        SchemaViolations branchErrors;
        bool ok = false;
        c.applyToSubschemas([&](unsigned, const Subschema *s) {
            ok = validateCollecting(s, branchErrors);
            return !ok;
        });
        if (!ok)
            failWith(std::move(branchErrors), "anyOf", "must match a schema in anyOf");
        return ok;
    }

    bool visit(const OneOfConstraint &c) override
    {
        SchemaViolations branchErrors;
        int passing = 0;
        c.applyToSubschemas([&](unsigned, const Subschema *s) {
            if (validateCollecting(s, branchErrors))
                ++passing;
            return passing < 2;
        });
        if (passing == 1)
            return true;
        failWith(std::move(branchErrors), "oneOf", "must match exactly one schema in oneOf");
        return false;
    }

    bool visit(const ConditionalConstraint &c) override
    {
        const Subschema *branch =
            isValid(c.getIfSubschema()) ? c.getThenSubschema() : c.getElseSubschema();
        if (!branch)
            return true;
        SchemaViolations branchErrors;
        if (validateCollecting(branch, branchErrors))
            return true;
        const bool isThen = branch == c.getThenSubschema();
        failWith(std::move(branchErrors), "if",
                 isThen ? "must match \"then\" schema" : "must match \"else\" schema",
                 {{"failingKeyword", isThen ? "then" : "else"}});
        return false;
    }

    bool visit(const NotConstraint &c) override
    {
        if (!isValid(c.getSubschema()))
            return true;
        return fail("not", "must NOT be valid");
    }

    bool visit(const ConstConstraint &c) override
    {
        if (jsEqual(frozenJson(*c.getValue()), *m_value))
            return true;
        return fail("const", "must be equal to constant", {},
                    {{"allowedValue", frozenJson(*c.getValue())}});
    }

    bool visit(const EnumConstraint &c) override
    {
        bool found = false;
        c.applyToValues([&](const valijson::adapters::FrozenValue &v) {
            found = jsEqual(frozenJson(v), *m_value);
            return !found;
        });
        if (found)
            return true;
        Json allowed = Json::array();
        if (m_out) {
            c.applyToValues([&](const valijson::adapters::FrozenValue &v) {
                allowed.push_back(frozenJson(v));
                return true;
            });
        }
        return fail("enum", "must be equal to one of the allowed values", {},
                    {{"allowedValues", std::move(allowed)}});
    }

    bool visit(const TypeConstraint &c) override
    {
        bool ok = false;
        std::string names;
        c.applyToNamedTypes([&](TypeConstraint::JsonType t) {
            ok = ok || hasType(t);
            if (!names.empty())
                names += ',';
            names += typeName(t);
            return true;
        });
        return ok || fail("type", "must be " + names, {}, {{"type", names}});
    }

    bool visit(const MaximumConstraint &c) override
    {
        if (!m_value->is_number())
            return true;
        const double v = numberOf(*m_value), limit = c.getMaximum();
        if (c.getExclusiveMaximum())
            return v < limit ||
                   fail("exclusiveMaximum", "must be < " + jsNumber(limit), {}, bound("<", limit));
        return v <= limit ||
               fail("maximum", "must be <= " + jsNumber(limit), {}, bound("<=", limit));
    }

    bool visit(const MinimumConstraint &c) override
    {
        if (!m_value->is_number())
            return true;
        const double v = numberOf(*m_value), limit = c.getMinimum();
        if (c.getExclusiveMinimum())
            return v > limit ||
                   fail("exclusiveMinimum", "must be > " + jsNumber(limit), {}, bound(">", limit));
        return v >= limit ||
               fail("minimum", "must be >= " + jsNumber(limit), {}, bound(">=", limit));
    }

    bool visit(const MultipleOfDoubleConstraint &c) override { return multipleOf(c.getDivisor()); }
    bool visit(const MultipleOfIntConstraint &c) override
    {
        return multipleOf(static_cast<double>(c.getDivisor()));
    }

    bool visit(const MaxLengthConstraint &c) override
    {
        if (!m_value->is_string() ||
            codePointLength(m_value->get_ref<const std::string &>()) <= c.getMaxLength())
            return true;
        return fail("maxLength",
                    "must NOT have more than " + std::to_string(c.getMaxLength()) + " characters",
                    {}, {{"limit", c.getMaxLength()}});
    }

    bool visit(const MinLengthConstraint &c) override
    {
        if (!m_value->is_string() ||
            codePointLength(m_value->get_ref<const std::string &>()) >= c.getMinLength())
            return true;
        return fail("minLength",
                    "must NOT have fewer than " + std::to_string(c.getMinLength()) + " characters",
                    {}, {{"limit", c.getMinLength()}});
    }

    bool visit(const PatternConstraint &c) override
    {
        if (!m_value->is_string())
            return true;
        const std::regex &re = m_compiled.patterns.at(&c);
        if (searchSafely(re, m_value->get_ref<const std::string &>()))
            return true;
        const std::string pattern = c.getPattern<std::allocator<char>>();
        return fail("pattern", "must match pattern \"" + pattern + "\"", {},
                    {{"pattern", pattern}});
    }

    bool visit(const FormatConstraint &c) override
    {
        if (!m_value->is_string())
            return true;
        if (checkFormat(c.getFormat(), m_value->get_ref<const std::string &>()) !=
            FormatCheck::Invalid)
            return true;
        return fail("format", "must match format \"" + c.getFormat() + "\"", {},
                    {{"format", c.getFormat()}});
    }

    bool visit(const MaxItemsConstraint &c) override
    {
        if (!m_value->is_array() || m_value->size() <= c.getMaxItems())
            return true;
        return fail("maxItems",
                    "must NOT have more than " + std::to_string(c.getMaxItems()) + " items", {},
                    {{"limit", c.getMaxItems()}});
    }

    bool visit(const MinItemsConstraint &c) override
    {
        if (!m_value->is_array() || m_value->size() >= c.getMinItems())
            return true;
        return fail("minItems",
                    "must NOT have fewer than " + std::to_string(c.getMinItems()) + " items", {},
                    {{"limit", c.getMinItems()}});
    }

    bool visit(const MaxPropertiesConstraint &c) override
    {
        if (!m_value->is_object() || m_value->size() <= c.getMaxProperties())
            return true;
        return fail("maxProperties",
                    "must NOT have more than " + std::to_string(c.getMaxProperties()) +
                        " properties",
                    {}, {{"limit", c.getMaxProperties()}});
    }

    bool visit(const MinPropertiesConstraint &c) override
    {
        if (!m_value->is_object() || m_value->size() >= c.getMinProperties())
            return true;
        return fail("minProperties",
                    "must NOT have fewer than " + std::to_string(c.getMinProperties()) +
                        " properties",
                    {}, {{"limit", c.getMinProperties()}});
    }

    bool visit(const UniqueItemsConstraint &) override
    {
        if (!m_value->is_array())
            return true;
        const Json &array = *m_value;
        // Ajv's order: the last item first, compared with the items before it.
        for (size_t i = array.size(); i-- > 1;) {
            for (size_t j = i; j-- > 0;) {
                if (jsEqual(array[i], array[j]))
                    return fail("uniqueItems",
                                "must NOT have duplicate items (items ## " + std::to_string(j) +
                                    " and " + std::to_string(i) + " are identical)",
                                {}, {{"i", i}, {"j", j}});
            }
        }
        return true;
    }

    bool visit(const RequiredConstraint &c) override
    {
        if (!m_value->is_object())
            return true;
        bool ok = true;
        c.applyToRequiredProperties([&](const auto &name) {
            const std::string key(name.c_str());
            if (m_focusHere && key != focusKey())
                return true;
            if (!m_value->contains(key)) {
                ok = false;
                fail("required", "must have required property '" + key + "'", key,
                     {{"missingProperty", key}});
            }
            return ok || m_out;
        });
        return ok;
    }

    bool visit(const DependenciesConstraint &c) override
    {
        if (!m_value->is_object())
            return true;
        bool ok = true;
        c.applyToPropertyDependencies([&](const auto &property, const auto &deps) {
            const std::string prop(property.c_str());
            if (!m_value->contains(prop))
                return true;
            std::string list;
            for (const auto &d : deps)
                list += (list.empty() ? "" : ", ") + std::string(d.c_str());
            for (const auto &d : deps) {
                const std::string dep(d.c_str());
                if (!m_value->contains(dep)) {
                    ok = false;
                    fail("dependencies",
                         std::string("must have ") +
                             (deps.size() == 1 ? "property " : "properties ") + list +
                             " when property " + prop + " is present",
                         dep,
                         {{"property", prop},
                          {"missingProperty", dep},
                          {"depsCount", deps.size()},
                          {"deps", list}});
                }
            }
            return ok || m_out;
        });
        c.applyToSchemaDependencies([&](const auto &property, const Subschema *s) {
            if (m_value->contains(std::string(property.c_str())))
                ok = validate(s) && ok;
            return ok || m_out;
        });
        return ok;
    }

    bool visit(const PropertiesConstraint &c) override;
    bool validateMember(const PropertiesIndex &index, const std::string &name, const Json &value);
    bool visit(const PropertyNamesConstraint &c) override;
    bool visit(const SingularItemsConstraint &c) override;
    bool visit(const LinearItemsConstraint &c) override;
    bool visit(const ContainsConstraint &c) override;
    bool visit(const PolyConstraint &) override { return true; }

private:
    struct Segment
    {
        const std::string *key; // nullptr for an array index
        size_t index;
    };

    bool validate(const Subschema *schema)
    {
        if (schema->getAlwaysInvalid())
            return fail("false schema", "boolean schema is false");
        const bool savedFocus = m_focusHere;
        m_focusHere =
            m_onFocus && m_path.size() < m_focus->size() && m_compiled.focusable.count(schema);
        const bool ok = m_out ? schema->apply(m_apply) : schema->applyStrict(m_apply);
        m_focusHere = savedFocus;
        return ok;
    }

    // A focusing schema descends only into the focus member, so its child
    // stays on the focus path; any other descent leaves it.
    bool validateChild(const Subschema *schema, const Json &child, Segment segment)
    {
        const Json *saved = m_value;
        const bool savedOnFocus = m_onFocus;
        m_onFocus = m_focusHere;
        m_value = &child;
        m_path.push_back(segment);
        const bool ok = validate(schema);
        m_path.pop_back();
        m_value = saved;
        m_onFocus = savedOnFocus;
        return ok;
    }

    const std::string &focusKey() const { return (*m_focus)[m_path.size()]; }

    // Runs a branch with its own error list (anyOf, oneOf, if).
    bool validateCollecting(const Subschema *schema, SchemaViolations &into)
    {
        if (!m_out)
            return validate(schema);
        SchemaViolations *saved = m_out;
        m_out = &into;
        const bool ok = validate(schema);
        m_out = saved;
        return ok;
    }

    bool isValid(const Subschema *schema)
    {
        SchemaViolations *saved = m_out;
        m_out = nullptr;
        const bool ok = validate(schema);
        m_out = saved;
        return ok;
    }

    std::string pointer() const
    {
        std::string out;
        for (const auto &s : m_path) {
            out += '/';
            out += s.key ? escapePointerToken(*s.key) : std::to_string(s.index);
        }
        return out;
    }

    bool fail(const char *keyword, std::string message, std::string detail = {},
              Json params = Json::object())
    {
        if (m_out)
            m_out->push_back(
                {pointer(), keyword, std::move(message), std::move(detail), std::move(params)});
        return false;
    }

    void failWith(SchemaViolations branchErrors, const char *keyword, std::string message,
                  Json params = Json::object())
    {
        if (!m_out)
            return;
        for (auto &v : branchErrors)
            m_out->push_back(std::move(v));
        fail(keyword, std::move(message), {}, std::move(params));
    }

    static Json bound(const char *comparison, double limit)
    {
        return {{"comparison", comparison}, {"limit", limit}};
    }

    bool hasType(TypeConstraint::JsonType t) const
    {
        switch (t) {
        case TypeConstraint::kAny:
            return true;
        case TypeConstraint::kArray:
            return m_value->is_array();
        case TypeConstraint::kBoolean:
            return m_value->is_boolean();
        case TypeConstraint::kInteger:
            return isJsInteger(*m_value);
        case TypeConstraint::kNull:
            return m_value->is_null();
        case TypeConstraint::kNumber:
            return m_value->is_number();
        case TypeConstraint::kObject:
            return m_value->is_object();
        case TypeConstraint::kString:
            return m_value->is_string();
        }
        return false;
    }

    static const char *typeName(TypeConstraint::JsonType t)
    {
        switch (t) {
        case TypeConstraint::kAny:
            return "any";
        case TypeConstraint::kArray:
            return "array";
        case TypeConstraint::kBoolean:
            return "boolean";
        case TypeConstraint::kInteger:
            return "integer";
        case TypeConstraint::kNull:
            return "null";
        case TypeConstraint::kNumber:
            return "number";
        case TypeConstraint::kObject:
            return "object";
        case TypeConstraint::kString:
            return "string";
        }
        return "?";
    }

    bool multipleOf(double divisor)
    {
        if (!m_value->is_number())
            return true;
        // Ajv: data / divisor must equal parseInt of itself.
        const double q = numberOf(*m_value) / divisor;
        if (std::isfinite(q) && std::trunc(q) == q && std::fabs(q) < 1e21)
            return true;
        return fail("multipleOf", "must be multiple of " + jsNumber(divisor), {},
                    {{"multipleOf", divisor}});
    }

    static bool searchSafely(const std::regex &re, const std::string &text)
    {
        try {
            return std::regex_search(text, re);
        } catch (const std::regex_error &) {
            return false; // too complex for std::regex: counts as no match
        }
    }

    const CompiledSchema &m_compiled;
    SchemaViolations *m_out;
    // The changed key path the walk is limited to (see validateInstance).
    const std::vector<std::string> *m_focus;
    bool m_onFocus;
    bool m_focusHere = false; // the schema being applied checks only the focus member
    Subschema::ApplyFunction m_apply;
    const Json *m_value = nullptr;
    std::vector<Segment> m_path;
};

bool Walker::visit(const PropertiesConstraint &c)
{
    if (!m_value->is_object())
        return true;
    const PropertiesIndex &index = m_compiled.indexOf(c);
    const Json &object = *m_value;
    bool ok = true;
    if (m_focusHere) {
        auto it = object.find(focusKey());
        return it == object.end() || validateMember(index, it.key(), *it);
    }
    if (index.patterns.empty() && index.additionalAcceptsAll) {
        // Only declared properties matter: look each one up.
        for (const auto &[name, schema] : index.named) {
            auto it = object.find(name);
            if (it == object.end())
                continue;
            ok = validateChild(schema, *it, {&it.key(), 0}) && ok;
            if (!ok && !m_out)
                return false;
        }
        return ok;
    }
    for (auto it = object.begin(); it != object.end(); ++it) {
        ok = validateMember(index, it.key(), *it) && ok;
        if (!ok && !m_out)
            return false;
    }
    return ok;
}

bool Walker::validateMember(const PropertiesIndex &index, const std::string &name,
                            const Json &value)
{
    bool ok = true;
    bool matched = false;
    auto named = index.named.find(name);
    if (named != index.named.end()) {
        matched = true;
        ok = validateChild(named->second, value, {&name, 0});
    }
    for (const auto &pattern : index.patterns) {
        if (!ok && !m_out)
            return false;
        if (pattern.regex && !searchSafely(*pattern.regex, name))
            continue;
        matched = true;
        ok = validateChild(pattern.schema, value, {&name, 0}) && ok;
    }
    if (!matched) {
        if (!index.additional)
            ok = fail("additionalProperties", "must NOT have additional properties", name,
                      {{"additionalProperty", name}});
        else if (!index.additionalAcceptsAll)
            ok = validateChild(index.additional, value, {&name, 0}) && ok;
    }
    return ok;
}

bool Walker::visit(const PropertyNamesConstraint &c)
{
    if (!m_value->is_object())
        return true;
    bool ok = true;
    const Json *saved = m_value;
    for (auto it = saved->begin(); it != saved->end(); ++it) {
        const Json name(it.key());
        SchemaViolations nameErrors;
        m_value = &name;
        const bool nameOk = validateCollecting(c.getSubschema(), nameErrors);
        m_value = saved;
        if (!nameOk) {
            ok = false;
            failWith(std::move(nameErrors), "propertyNames", "property name must be valid",
                     {{"propertyName", it.key()}});
            if (!m_out)
                return false;
        }
    }
    return ok;
}

bool Walker::visit(const SingularItemsConstraint &c)
{
    if (!m_value->is_array())
        return true;
    const Json &array = *m_value;
    bool ok = true;
    for (size_t i = 0; i < array.size(); ++i) {
        ok = validateChild(c.getItemsSubschema(), array[i], {nullptr, i}) && ok;
        if (!ok && !m_out)
            return false;
    }
    return ok;
}

bool Walker::visit(const LinearItemsConstraint &c)
{
    if (!m_value->is_array())
        return true;
    const Json &array = *m_value;
    bool ok = true;
    c.applyToItemSubschemas([&](unsigned i, const Subschema *s) {
        if (i < array.size())
            ok = validateChild(s, array[i], {nullptr, i}) && ok;
        return ok || m_out;
    });
    const size_t declared = c.getItemSubschemaCount();
    const Subschema *additional = c.getAdditionalItemsSubschema();
    if (array.size() > declared) {
        if (!additional)
            return fail("additionalItems",
                        "must NOT have more than " + std::to_string(declared) + " items", {},
                        {{"limit", declared}});
        if (additional != m_compiled.tree.emptySubschema()) {
            for (size_t i = declared; i < array.size(); ++i)
                ok = validateChild(additional, array[i], {nullptr, i}) && ok;
        }
    }
    return ok;
}

bool Walker::visit(const ContainsConstraint &c)
{
    if (!m_value->is_array())
        return true;
    const Json &array = *m_value;
    for (size_t i = 0; i < array.size(); ++i) {
        const Json *saved = m_value;
        m_value = &array[i];
        const bool ok = isValid(c.getSubschema());
        m_value = saved;
        if (ok)
            return true;
    }
    return fail("contains", "must contain at least 1 valid item(s)", {}, {{"minContains", 1}});
}

} // namespace

bool validateInstance(const CompiledSchema &compiled, const Json &document, SchemaViolations *out,
                      const std::vector<std::string> *focus)
{
    Walker walker(compiled, out, focus);
    return walker.run(document);
}

} // namespace tad::schema
