#pragma once

#include <QStyledItemDelegate>

namespace shopdesk {
class Clock;
}

namespace shopdesk::ui {

/// Draws the conversation list: section headers, buyers with grade, preview, unread badge and the
/// waiting timer (amber from the slow-reply threshold, red from two minutes).
class ConversationListDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    static constexpr int kRedSeconds = 120;

    ConversationListDelegate(const Clock& clock, QObject* parent = nullptr);
    void setSlowSeconds(int secs) { m_slowSeconds = secs; }

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    /// The timer's colour after `secs` of waiting (invalid when it is not late).
    static QColor waitingColour(qint64 secs, int slowSeconds);

private:
    const Clock& m_clock;
    int m_slowSeconds = 100;
};

} // namespace shopdesk::ui
