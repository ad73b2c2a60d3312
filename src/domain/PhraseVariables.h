#pragma once

#include <QString>
#include <QStringList>

namespace shopdesk {

/// What a quick reply's variables are filled with when it is inserted.
struct PhraseContext {
    QString buyer;
    QString agent;
    QString orderNo;
    QString shop;
    QString carrier;
    QString tracking;
};

/// A phrase with its variables filled, and the variables that had no value (left as written so the
/// agent sees what to complete before sending).
struct FilledPhrase {
    QString text;
    QStringList missing;
};

/// Fills {买家}/{buyer}, {客服}/{agent}, {订单号}/{order}, {店铺}/{shop}, {物流公司}/{carrier} and
/// {运单号}/{tracking}. Unknown braces are left alone.
FilledPhrase fillPhrase(const QString& text, const PhraseContext& context);

/// The variables a phrase may use, Chinese name first: {"买家", "buyer"}, ...
const std::vector<std::pair<QString, QString>>& phraseVariables();

} // namespace shopdesk
