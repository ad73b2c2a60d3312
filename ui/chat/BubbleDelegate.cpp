#include "chat/BubbleDelegate.h"

#include "chat/TimelineModel.h"
#include "common/Format.h"
#include "domain/Message.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDateTime>
#include <QPainter>
#include <QPainterPath>
#include <QTextLayout>

#include <cmath>

namespace shopdesk::ui {

namespace {

constexpr int kMargin = 6;
constexpr int kPadding = 9;
constexpr int kSeparatorHeight = 26;
constexpr int kHeaderGap = 3;
constexpr int kCardWidth = 240;
constexpr int kCardHeight = 58;
constexpr int kMaxBubbleText = 520;

/// Lays `text` out wrapped at `width` (words, or anywhere for long runs without spaces); returns
/// its size and, when `painter` is given, draws it at `at`.
QSize layoutText(const QString& text, const QFont& font, int width, QPainter* painter = nullptr, QPointF at = {})
{
    QTextLayout layout(text, font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.setCacheEnabled(painter != nullptr);
    qreal height = 0;
    qreal widest = 0;
    layout.beginLayout();
    for (;;) {
        QTextLine line = layout.createLine();
        if (!line.isValid()) {
            break;
        }
        line.setLineWidth(width);
        line.setPosition(QPointF(0, height));
        height += line.height();
        widest = std::max(widest, line.naturalTextWidth());
    }
    layout.endLayout();
    if (painter) {
        layout.draw(painter, at);
    }
    return {static_cast<int>(std::ceil(widest)), static_cast<int>(std::ceil(height))};
}

QFont smallFont(const QFont& base)
{
    QFont f = base;
    f.setPointSizeF(std::max(7.0, base.pointSizeF() * 0.85));
    return f;
}

} // namespace

BubbleDelegate::BubbleDelegate(QAbstractItemView* view)
    : QStyledItemDelegate(view)
    , m_view(view)
{
}

int BubbleDelegate::viewWidth() const
{
    return m_view->viewport()->width();
}

int BubbleDelegate::bubbleTextWidth(int viewWidth) const
{
    return std::max(80, std::min(kMaxBubbleText, viewWidth * 2 / 3) - 2 * kPadding);
}

QSize BubbleDelegate::textSize(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    Q_UNUSED(option)
    const int width = viewWidth();
    const qint64 id = index.data(TimelineModel::MessageIdRole).toLongLong();
    auto it = m_cache.find(id);
    if (it != m_cache.end() && it->width == width) {
        return it->text;
    }
    const QSize size = layoutText(index.data(Qt::DisplayRole).toString(), option.font, bubbleTextWidth(width));
    m_cache.insert(id, {width, size});
    return size;
}

QSize BubbleDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const auto sender = static_cast<Sender>(index.data(TimelineModel::SenderRole).toInt());
    const QFontMetrics small(smallFont(option.font));
    int h = 2 * kMargin;
    if (index.data(TimelineModel::ShowTimeRole).toBool()) {
        h += kSeparatorHeight;
    }
    if (sender == Sender::System) {
        return {viewWidth(), h + small.height() * 2};
    }
    h += small.height() + kHeaderGap;
    if (!index.data(TimelineModel::CardRole).toString().isEmpty()) {
        h += kCardHeight;
    } else {
        h += textSize(option, index).height() + 2 * kPadding;
    }
    return {viewWidth(), h};
}

void BubbleDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette& pal = option.palette;
    const bool dark = pal.color(QPalette::Window).lightness() < 128;
    const QFont small = smallFont(option.font);
    const QFontMetrics smallMetrics(small);
    QRect r = option.rect.adjusted(kMargin * 2, kMargin, -kMargin * 2, -kMargin);

    const qint64 ms = index.data(TimelineModel::TimeRole).toLongLong();
    const Timestamp at = Timestamp::fromMs(ms);
    if (index.data(TimelineModel::ShowTimeRole).toBool()) {
        painter->setFont(small);
        painter->setPen(pal.color(QPalette::PlaceholderText));
        painter->drawText(QRect(r.left(), r.top(), r.width(), kSeparatorHeight), Qt::AlignCenter,
                          format::shopTime(at, QStringLiteral("yyyy-MM-dd HH:mm")));
        r.setTop(r.top() + kSeparatorHeight);
    }
    const auto sender = static_cast<Sender>(index.data(TimelineModel::SenderRole).toInt());
    const QString text = index.data(Qt::DisplayRole).toString();
    if (sender == Sender::System) {
        painter->setFont(small);
        painter->setPen(pal.color(QPalette::PlaceholderText));
        painter->drawText(r, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, text);
        painter->restore();
        return;
    }
    const bool mine = sender == Sender::Agent;
    const QString who =
        mine ? index.data(TimelineModel::AgentRole).toString().section(QLatin1Char(':'), -1) : m_buyerNick;
    painter->setFont(small);
    painter->setPen(pal.color(QPalette::PlaceholderText));
    const QString header = QStringLiteral("%1  %2").arg(who, format::shopTime(at, QStringLiteral("HH:mm:ss")));
    painter->drawText(QRect(r.left(), r.top(), r.width(), smallMetrics.height() + 2),
                      (mine ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignTop, header);
    r.setTop(r.top() + smallMetrics.height() + kHeaderGap);

    const QString card = index.data(TimelineModel::CardRole).toString();
    QSize bubble;
    if (!card.isEmpty()) {
        bubble = QSize(kCardWidth, kCardHeight);
    } else {
        bubble = textSize(option, index) + QSize(2 * kPadding, 2 * kPadding);
    }
    const QRect box(mine ? r.right() - bubble.width() : r.left(), r.top(), bubble.width(), bubble.height());
    QColor fill;
    if (option.state & QStyle::State_Selected) {
        fill = pal.color(QPalette::Highlight).lighter(dark ? 80 : 160);
    } else if (mine) {
        fill = dark ? QColor(0x1F, 0x4E, 0x79) : QColor(0xD6, 0xEA, 0xFF);
    } else {
        fill = dark ? QColor(0x3A, 0x3A, 0x3C) : QColor(0xF2, 0xF2, 0xF2);
    }
    QPainterPath path;
    path.addRoundedRect(box, 8, 8);
    painter->fillPath(path, fill);
    painter->setPen(pal.color(QPalette::Text));
    if (!card.isEmpty()) {
        painter->setPen(QPen(format::orderStatusColour(OrderStatus::WaitSellerSendGoods), 1));
        painter->drawPath(path);
        painter->setPen(pal.color(QPalette::Text));
        QFont bold = option.font;
        bold.setBold(true);
        painter->setFont(bold);
        painter->drawText(box.adjusted(kPadding, kPadding, -kPadding, -kPadding), Qt::AlignLeft | Qt::AlignTop,
                          tr("Order card"));
        painter->setFont(option.font);
        painter->drawText(box.adjusted(kPadding, kPadding, -kPadding, -kPadding), Qt::AlignLeft | Qt::AlignBottom,
                          tr("Order %1").arg(card));
    } else {
        painter->setFont(option.font);
        const qint64 id = index.data(TimelineModel::MessageIdRole).toLongLong();
        const int width = bubbleTextWidth(viewWidth());
        auto it = m_painted.find(id);
        if (it == m_painted.end() || it->width != width) {
            if (m_painted.size() >= kPaintCacheSize) {
                m_painted.clear(); // what scrolls into view is laid out again
            }
            QStaticText laid(text);
            laid.setTextFormat(Qt::PlainText);
            QTextOption wrap;
            wrap.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
            laid.setTextOption(wrap);
            laid.setTextWidth(width);
            laid.prepare(painter->transform(), option.font);
            it = m_painted.insert(id, {width, laid});
        }
        painter->drawStaticText(QPointF(box.left() + kPadding, box.top() + kPadding), it->text);
    }
    painter->restore();
}

} // namespace shopdesk::ui
