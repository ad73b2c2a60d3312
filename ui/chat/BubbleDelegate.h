#pragma once

#include <QHash>
#include <QStaticText>
#include <QStyledItemDelegate>

class QAbstractItemView;

namespace shopdesk::ui {

/// Draws a timeline row as a chat bubble: the buyer's on the left, agents' on the right, system
/// lines centred, a time separator when time passed, order cards as cards. Text layout is cached
/// per message and width, so scrolling a long conversation does not lay text out again.
class BubbleDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    /// Bubbles are as wide as `view`'s viewport allows.
    explicit BubbleDelegate(QAbstractItemView* view);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    /// The buyer's nick shown above their bubbles.
    void setBuyerNick(const QString& nick) { m_buyerNick = nick; }

private:
    struct Geometry {
        int width = 0; ///< of the view when measured
        QSize text;    ///< wrapped text size
    };
    /// Laid-out text of recently painted bubbles (painting reuses it while scrolling).
    struct Painted {
        int width = 0;
        QStaticText text;
    };
    static constexpr int kPaintCacheSize = 600;
    int bubbleTextWidth(int viewWidth) const;
    QSize textSize(const QStyleOptionViewItem& option, const QModelIndex& index) const;

    int viewWidth() const;

    QAbstractItemView* m_view;
    QString m_buyerNick;
    mutable QHash<qint64, Geometry> m_cache;
    mutable QHash<qint64, Painted> m_painted;
};

} // namespace shopdesk::ui
