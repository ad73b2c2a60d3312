#pragma once

#include "core/Error.h"

#include <cassert>
#include <optional>
#include <utility>

namespace shopdesk {

/// A value or an Error. Core code returns this instead of throwing across layer boundaries.
template <typename T>
class [[nodiscard]] Result {
public:
    Result()
        : m_error(Error::internal(QStringLiteral("no result")))
    {
    }
    Result(T value) // NOLINT(google-explicit-constructor): implicit by design, like std::expected
        : m_value(std::move(value))
    {
    }
    Result(Error error) // NOLINT(google-explicit-constructor)
        : m_error(std::move(error))
    {
    }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }

    T& value() &
    {
        assert(ok());
        return *m_value;
    }
    const T& value() const&
    {
        assert(ok());
        return *m_value;
    }
    T&& value() &&
    {
        assert(ok());
        return std::move(*m_value);
    }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const
    {
        assert(!ok());
        return m_error;
    }

private:
    std::optional<T> m_value;
    Error m_error;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) // NOLINT(google-explicit-constructor)
        : m_error(std::move(error))
    {
    }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error& error() const
    {
        assert(!ok());
        return *m_error;
    }

private:
    std::optional<Error> m_error;
};

using Status = Result<void>;

} // namespace shopdesk
