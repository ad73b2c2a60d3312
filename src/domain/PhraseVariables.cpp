#include "domain/PhraseVariables.h"

#include <algorithm>

namespace shopdesk {

const std::vector<std::pair<QString, QString>>& phraseVariables()
{
    static const std::vector<std::pair<QString, QString>> names{
        {QStringLiteral("买家"), QStringLiteral("buyer")},       {QStringLiteral("客服"), QStringLiteral("agent")},
        {QStringLiteral("订单号"), QStringLiteral("order")},     {QStringLiteral("店铺"), QStringLiteral("shop")},
        {QStringLiteral("物流公司"), QStringLiteral("carrier")}, {QStringLiteral("运单号"), QStringLiteral("tracking")},
    };
    return names;
}

std::vector<UnfilledVariable> unfilledVariables(const QString& text)
{
    std::vector<UnfilledVariable> out;
    qsizetype i = text.indexOf(u'{');
    while (i >= 0) {
        const qsizetype close = text.indexOf(u'}', i + 1);
        if (close < 0) {
            break;
        }
        const QStringView name = QStringView(text).mid(i + 1, close - i - 1);
        const bool known = std::any_of(phraseVariables().begin(), phraseVariables().end(),
                                       [&](const auto& v) { return name == v.first || name == v.second; });
        if (known) {
            out.push_back({i, close - i + 1, name.toString()});
            i = text.indexOf(u'{', close + 1);
        } else {
            i = text.indexOf(u'{', i + 1);
        }
    }
    return out;
}

FilledPhrase fillPhrase(const QString& text, const PhraseContext& context)
{
    const QString* values[] = {&context.buyer, &context.agent,   &context.orderNo,
                               &context.shop,  &context.carrier, &context.tracking};
    FilledPhrase out;
    out.text.reserve(text.size());
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        const qsizetype close = c == u'{' ? text.indexOf(u'}', i + 1) : -1;
        if (close < 0) {
            out.text += c;
            ++i;
            continue;
        }
        const QStringView name = QStringView(text).mid(i + 1, close - i - 1);
        int which = -1;
        for (int v = 0; v < static_cast<int>(phraseVariables().size()); ++v) {
            if (name == phraseVariables()[v].first || name == phraseVariables()[v].second) {
                which = v;
                break;
            }
        }
        if (which < 0) {
            out.text += c;
            ++i;
            continue;
        }
        if (values[which]->isEmpty()) {
            out.text += QStringView(text).mid(i, close - i + 1);
            if (!out.missing.contains(name.toString())) {
                out.missing << name.toString();
            }
        } else {
            out.text += *values[which];
        }
        i = close + 1;
    }
    return out;
}

} // namespace shopdesk
