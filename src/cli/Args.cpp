#include "cli/Args.h"

namespace shopdesk::cli {

Args::Args(QStringList args)
{
    const qsizetype dashes = args.indexOf(QStringLiteral("--"));
    if (dashes >= 0) {
        m_afterDashes = args.mid(dashes + 1);
        args = args.mid(0, dashes);
    }
    m_options = args;
}

Result<std::optional<QString>> Args::option(const QString& name)
{
    const QString flagText = QStringLiteral("--") + name;
    for (qsizetype i = 0; i < m_options.size(); ++i) {
        const QString& word = m_options[i];
        if (word == flagText) {
            if (i + 1 >= m_options.size()) {
                return Error::usage(QStringLiteral("%1 needs a value").arg(flagText));
            }
            QString value = m_options[i + 1];
            m_options.remove(i, 2);
            return std::optional<QString>(value);
        }
        if (word.startsWith(flagText + QLatin1Char('='))) {
            QString value = word.mid(flagText.size() + 1);
            m_options.remove(i);
            return std::optional<QString>(value);
        }
    }
    return std::optional<QString>();
}

bool Args::flag(const QString& name)
{
    return m_options.removeOne(QStringLiteral("--") + name);
}

Result<std::optional<qint64>> Args::integer(const QString& name, qint64 min, qint64 max)
{
    auto text = option(name);
    if (!text) {
        return text.error();
    }
    if (!*text) {
        return std::optional<qint64>();
    }
    bool ok = false;
    const qint64 value = (*text)->toLongLong(&ok);
    if (!ok || value < min || value > max) {
        return Error::usage(QStringLiteral("--%1 must be a whole number from %2 to %3").arg(name).arg(min).arg(max));
    }
    return std::optional<qint64>(value);
}

std::optional<QString> Args::next()
{
    for (qsizetype i = 0; i < m_options.size(); ++i) {
        if (!m_options[i].startsWith(QStringLiteral("--"))) {
            return m_options.takeAt(i);
        }
    }
    if (!m_afterDashes.isEmpty()) {
        return m_afterDashes.takeFirst();
    }
    return std::nullopt;
}

QStringList Args::rest()
{
    QStringList out;
    while (auto word = next()) {
        out << *word;
    }
    return out;
}

Status Args::finish() const
{
    for (const QString& word : m_options) {
        if (word.startsWith(QStringLiteral("--"))) {
            return Error::usage(QStringLiteral("unknown option %1").arg(word.section(QLatin1Char('='), 0, 0)));
        }
        return Error::usage(QStringLiteral("unexpected argument '%1'").arg(word));
    }
    if (!m_afterDashes.isEmpty()) {
        return Error::usage(QStringLiteral("unexpected argument '%1'").arg(m_afterDashes.first()));
    }
    return {};
}

} // namespace shopdesk::cli
