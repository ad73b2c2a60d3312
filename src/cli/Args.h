#pragma once

#include "core/Result.h"

#include <QStringList>

#include <optional>

namespace shopdesk::cli {

/// The arguments of one command. Options are `--name value` or `--name=value`; only words starting
/// with "--" are options, so negative numbers and "-" stay positional; "--" ends the options.
class Args {
public:
    explicit Args(QStringList args);

    /// Takes `--name VALUE`; a missing value is a usage error.
    Result<std::optional<QString>> option(const QString& name);
    /// Takes `--name`.
    bool flag(const QString& name);
    /// Takes an integer option within [min, max].
    Result<std::optional<qint64>> integer(const QString& name, qint64 min, qint64 max);

    /// Takes the next positional word, if any.
    std::optional<QString> next();
    /// Every positional word that is left.
    QStringList rest();

    /// A usage error naming any option or word that no one took.
    Status finish() const;

private:
    QStringList m_options; ///< words before "--"
    QStringList m_afterDashes;
};

} // namespace shopdesk::cli
