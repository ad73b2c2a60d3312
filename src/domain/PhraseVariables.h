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

/// A variable left unfilled in a text about to be sent: where it is and its name as written.
struct UnfilledVariable {
    qsizetype start = 0;  ///< index of the `{`
    qsizetype length = 0; ///< up to and including the `}`
    QString name;
};

/// Every known variable still written as `{name}` in `text` (a reply must not reach the buyer with
/// one in it). Unknown braces are the agent's own text.
std::vector<UnfilledVariable> unfilledVariables(const QString& text);

} // namespace shopdesk
