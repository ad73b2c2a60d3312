#include "workbench/ConversationListDelegate.h"

#include "common/Format.h"
#include "core/Clock.h"
#include "workbench/ConversationListModel.h"

#include <QPainter>
#include <QPainterPath>

namespace shopdesk::ui {

ConversationListDelegate::ConversationListDelegate(const Clock& clock, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_clock(clock)
{
}

QColor ConversationListDelegate::waitingColour(qint64 secs, int slowSeconds)
{
    if (secs >= kRedSeconds) {
        return QColor(0xE7, 0x4C, 0x3C);
    }
    if (secs >= slowSeconds) {
        return QColor(0xF3, 0x9C, 0x12);
    }
    return {};
}

QSize ConversationListDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const QFontMetrics fm(option.font);
    const auto kind = static_cast<ConversationListModel::Kind>(index.data(ConversationListModel::KindRole).toInt());
    if (kind == ConversationListModel::Kind::Conversation) {
        return {option.rect.width(), fm.height() * 2 + 16};
    }
    return {option.rect.width(), fm.height() + 10};
}

void ConversationListDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                     const QModelIndex& index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette& pal = option.palette;
    const QRect r = option.rect;
    const QFontMetrics fm(option.font);
    const auto kind = static_cast<ConversationListModel::Kind>(index.data(ConversationListModel::KindRole).toInt());
    const QString display = index.data(Qt::DisplayRole).toString();
    if (kind != ConversationListModel::Kind::Conversation) {
        QFont f = option.font;
        f.setBold(kind == ConversationListModel::Kind::Header);
        painter->setFont(f);
        if (kind == ConversationListModel::Kind::Header) {
            painter->fillRect(r, pal.color(QPalette::AlternateBase));
            painter->setPen(pal.color(QPalette::Text));
        } else {
            painter->setPen(pal.color(QPalette::PlaceholderText));
        }
        painter->drawText(r.adjusted(8, 0, -8, 0), Qt::AlignVCenter | Qt::AlignLeft, display);
        painter->restore();
        return;
    }
    if (option.state & QStyle::State_Selected) {
        painter->fillRect(r, pal.color(QPalette::Highlight));
    } else if (option.state & QStyle::State_MouseOver) {
        painter->fillRect(r, pal.color(QPalette::AlternateBase));
    }
    const QColor text =
        (option.state & QStyle::State_Selected) ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Text);
    const QColor dim = (option.state & QStyle::State_Selected) ? text : pal.color(QPalette::PlaceholderText);
    const QRect inner = r.adjusted(10, 6, -10, -6);
    const int lineH = fm.height();

    // Right column: waiting timer (active and unanswered) or the last message's time.
    QString right;
    QColor rightColour = dim;
    QColor late;
    const QVariant waiting = index.data(ConversationListModel::WaitingSinceRole);
    const qint64 now = m_clock.now().ms();
    if (waiting.isValid()) {
        const qint64 secs = (now - waiting.toLongLong()) / 1000;
        right = format::duration(secs);
        late = waitingColour(secs, m_slowSeconds);
    } else {
        right = format::shortTime(Timestamp::fromMs(index.data(ConversationListModel::TimeRole).toLongLong()),
                                  Timestamp::fromMs(now));
    }
    QFont bold = option.font;
    bold.setBold(true);
    const int rightWidth = QFontMetrics(bold).horizontalAdvance(right) + 10;
    const QRect timer(inner.right() - rightWidth, inner.top(), rightWidth, lineH);
    painter->setFont(bold);
    if (late.isValid()) {
        // A late buyer's timer is a coloured pill, readable on a selected row too.
        QPainterPath pill;
        pill.addRoundedRect(timer, 4, 4);
        painter->fillPath(pill, late);
        painter->setPen(Qt::white);
        painter->drawText(timer, Qt::AlignCenter, right);
    } else {
        painter->setPen(rightColour);
        painter->drawText(timer, Qt::AlignRight, right);
    }

    // Nick and grade.
    int x = inner.left();
    const QString grade = index.data(ConversationListModel::GradeRole).toString();
    painter->setPen(text);
    const QString nick = QFontMetrics(bold).elidedText(display, Qt::ElideRight, inner.width() - rightWidth - 50);
    painter->drawText(QRect(x, inner.top(), inner.width(), lineH), Qt::AlignLeft, nick);
    x += QFontMetrics(bold).horizontalAdvance(nick) + 6;
    if (!grade.isEmpty()) {
        QFont small = option.font;
        small.setPointSizeF(option.font.pointSizeF() * 0.8);
        const QFontMetrics sfm(small);
        const QRect chip(x, inner.top() + 2, sfm.horizontalAdvance(grade) + 8, lineH - 4);
        QPainterPath path;
        path.addRoundedRect(chip, 3, 3);
        painter->fillPath(path, grade == u"VIP" ? QColor(0xD4, 0xAC, 0x0D) : QColor(0x95, 0xA5, 0xA6));
        painter->setFont(small);
        painter->setPen(Qt::white);
        painter->drawText(chip, Qt::AlignCenter, grade);
    }

    // Preview and unread badge.
    painter->setFont(option.font);
    const int unread = index.data(ConversationListModel::UnreadRole).toInt();
    int badgeWidth = 0;
    if (unread > 0) {
        const QString n = unread > 99 ? QStringLiteral("99+") : QString::number(unread);
        badgeWidth = std::max(lineH, fm.horizontalAdvance(n) + 10);
        const QRect badge(inner.right() - badgeWidth, inner.top() + lineH + 4, badgeWidth, lineH);
        QPainterPath path;
        path.addRoundedRect(badge, lineH / 2.0, lineH / 2.0);
        painter->fillPath(path, QColor(0xE7, 0x4C, 0x3C));
        painter->setPen(Qt::white);
        painter->drawText(badge, Qt::AlignCenter, n);
    }
    painter->setPen(dim);
    const QString preview = fm.elidedText(index.data(ConversationListModel::PreviewRole).toString(), Qt::ElideRight,
                                          inner.width() - badgeWidth - 6);
    painter->drawText(QRect(inner.left(), inner.top() + lineH + 4, inner.width() - badgeWidth - 6, lineH),
                      Qt::AlignLeft, preview);
    painter->restore();
}

} // namespace shopdesk::ui
