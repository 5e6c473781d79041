// Errors as values at the core's public surface.
#pragma once

#include <QString>
#include <optional>
#include <utility>
#include <variant>

namespace tad {

// Each code maps to one CLI exit status (see app/cli), so scripts can tell
// failures apart.
enum class ErrorCode
{
    Usage = 1,          // bad key, bad argument, bad JSON given on the command line
    SchemaRejected = 2, // the change would add schema violations
    NotFound = 3,       // key not present
    Unreadable = 4,     // file cannot be read or parsed, or an I/O error
    Conflict = 5,       // a concurrent change makes the request unsafe
};

struct Error
{
    ErrorCode code = ErrorCode::Unreadable;
    QString message; // what failed and what to do, one line, for a person
    QString file;    // the file concerned, if any
    QString key;     // dot-notation key concerned, if any
    int line = 0;    // 1-based, for parse errors; 0 if not applicable
    int column = 0;  // 1-based, for parse errors
    // Refused because a safety net (the backup before a critical change, the
    // history record) could not be written; the same request may go ahead
    // without it if the person says so (SettingsFileOptions::requireBackup).
    bool safetyNet = false;

    // One line for stderr: "<file>:<line>:<column>: <message>" with the
    // parts that apply.
    QString toString() const
    {
        QString prefix;
        if (!file.isEmpty()) {
            prefix = file;
            if (line > 0)
                prefix += QStringLiteral(":%1:%2").arg(line).arg(column);
            prefix += QStringLiteral(": ");
        }
        return prefix + message;
    }
};

inline Error makeError(ErrorCode code, QString message)
{
    Error e;
    e.code = code;
    e.message = std::move(message);
    return e;
}

// A value or an Error. Small on purpose: the core needs no more.
template <class T> class [[nodiscard]] Result
{
public:
    Result(T value) : m_data(std::move(value)) {}
    Result(Error error) : m_data(std::move(error)) {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }
    T &value() & { return std::get<0>(m_data); }
    const T &value() const & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }
    const Error &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

template <> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

} // namespace tad
