// One walk over valijson's constraint tree at load time: compiles every
// regular expression once and indexes every properties keyword by name.
#include "CompiledSchema.h"
#include "Formats.h"

#include <unordered_set>
#include <valijson/constraints/concrete_constraints.hpp>
#include <valijson/constraints/constraint_visitor.hpp>

namespace tad::schema {

bool isFocusable(const valijson::Subschema &schema);

namespace {

using namespace valijson::constraints;
using valijson::Subschema;

class Indexer : public ConstraintVisitor
{
public:
    explicit Indexer(CompiledSchema &compiled) : m_compiled(compiled) {}

    void walk(const Subschema *schema)
    {
        if (!schema || !m_seen.insert(schema).second)
            return;
        if (isFocusable(*schema))
            m_compiled.focusable.insert(schema);
        Subschema::ApplyFunction fn = [this](const Constraint &c) {
            return c.accept(*this);
        };
        schema->apply(fn);
    }

    bool visit(const AllOfConstraint &c) override { return each(c); }
    bool visit(const AnyOfConstraint &c) override { return each(c); }
    bool visit(const OneOfConstraint &c) override { return each(c); }
    bool visit(const ConditionalConstraint &c) override
    {
        walk(c.getIfSubschema());
        walk(c.getThenSubschema());
        walk(c.getElseSubschema());
        return true;
    }
    bool visit(const ConstConstraint &) override { return true; }
    bool visit(const ContainsConstraint &c) override
    {
        walk(c.getSubschema());
        return true;
    }
    bool visit(const DependenciesConstraint &c) override
    {
        c.applyToSchemaDependencies([this](const auto &, const Subschema *s) {
            walk(s);
            return true;
        });
        return true;
    }
    bool visit(const EnumConstraint &) override { return true; }
    bool visit(const FormatConstraint &c) override
    {
        if (!isKnownFormat(c.getFormat()))
            m_compiled.warnings.push_back(QStringLiteral("unknown format \"%1\" is not checked")
                                              .arg(QString::fromStdString(c.getFormat())));
        return true;
    }
    bool visit(const LinearItemsConstraint &c) override
    {
        c.applyToItemSubschemas([this](unsigned, const Subschema *s) {
            walk(s);
            return true;
        });
        walk(c.getAdditionalItemsSubschema());
        return true;
    }
    bool visit(const MaximumConstraint &) override { return true; }
    bool visit(const MaxItemsConstraint &) override { return true; }
    bool visit(const MaxLengthConstraint &) override { return true; }
    bool visit(const MaxPropertiesConstraint &) override { return true; }
    bool visit(const MinimumConstraint &) override { return true; }
    bool visit(const MinItemsConstraint &) override { return true; }
    bool visit(const MinLengthConstraint &) override { return true; }
    bool visit(const MinPropertiesConstraint &) override { return true; }
    bool visit(const MultipleOfDoubleConstraint &) override { return true; }
    bool visit(const MultipleOfIntConstraint &) override { return true; }
    bool visit(const NotConstraint &c) override
    {
        walk(c.getSubschema());
        return true;
    }
    bool visit(const PatternConstraint &c) override
    {
        const std::string pattern = c.getPattern<std::allocator<char>>();
        m_compiled.patterns.emplace(&c, std::regex(pattern, std::regex::ECMAScript));
        return true;
    }
    bool visit(const PolyConstraint &) override { return true; }
    bool visit(const PropertiesConstraint &c) override
    {
        PropertiesIndex index;
        c.applyToProperties([&](const auto &name, const Subschema *s) {
            index.named.emplace(std::string(name.c_str()), s);
            walk(s);
            return true;
        });
        c.applyToPatternProperties([&](const auto &pattern, const Subschema *s) {
            PropertiesIndex::Pattern p;
            const std::string text(pattern.c_str());
            // "" and ".*" find a (possibly empty) match in every name.
            if (!text.empty() && text != ".*")
                p.regex.emplace(text, std::regex::ECMAScript);
            p.schema = s;
            index.patterns.push_back(std::move(p));
            walk(s);
            return true;
        });
        index.additional = c.getAdditionalPropertiesSubschema();
        index.additionalAcceptsAll = index.additional == m_compiled.tree.emptySubschema();
        walk(index.additional);
        m_compiled.properties.emplace(&c, std::move(index));
        return true;
    }
    bool visit(const PropertyNamesConstraint &c) override
    {
        walk(c.getSubschema());
        return true;
    }
    bool visit(const RequiredConstraint &) override { return true; }
    bool visit(const SingularItemsConstraint &c) override
    {
        walk(c.getItemsSubschema());
        return true;
    }
    bool visit(const TypeConstraint &) override { return true; }
    bool visit(const UniqueItemsConstraint &) override { return true; }

private:
    template <class C> bool each(const C &c)
    {
        c.applyToSubschemas([this](unsigned, const Subschema *s) {
            walk(s);
            return true;
        });
        return true;
    }

    CompiledSchema &m_compiled;
    std::unordered_set<const Subschema *> m_seen;
};

} // namespace

// A value can be checked member by member when its schema holds nothing but
// type, properties-family and required constraints.
bool isFocusable(const valijson::Subschema &root)
{
    using namespace valijson::constraints;
    using valijson::Subschema;
    bool splits = !root.getAlwaysInvalid();
    Subschema::ApplyFunction fn = [&splits](const Constraint &c) {
        if (!dynamic_cast<const TypeConstraint *>(&c) &&
            !dynamic_cast<const PropertiesConstraint *>(&c) &&
            !dynamic_cast<const RequiredConstraint *>(&c))
            splits = false;
        return true;
    };
    root.apply(fn);
    return splits;
}

void indexSchema(CompiledSchema &compiled)
{
    Indexer indexer(compiled);
    indexer.walk(&compiled.tree);
}

} // namespace tad::schema
