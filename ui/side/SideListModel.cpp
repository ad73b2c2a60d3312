#include "side/SideListModel.h"

#include <QFont>
#include <QPainter>
#include <QPixmap>

namespace shopdesk::ui {

namespace {
QIcon dot(const QColor& c)
{
    QPixmap pm(12, 12);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setBrush(c);
    p.setPen(Qt::NoPen);
    p.drawEllipse(1, 1, 10, 10);
    return QIcon(pm);
}
} // namespace

QVariant SideListModel::data(const QModelIndex& index, int role) const
{
    const SideRow* r = item(index);
    if (!r) {
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
        return r->text;
    case Qt::DecorationRole:
        return r->dot.isValid() ? QVariant(dot(r->dot)) : QVariant();
    case Qt::ForegroundRole:
        return r->foreground.isValid() ? QVariant(r->foreground) : QVariant();
    case Qt::FontRole:
        if (r->bold) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    default:
        return {};
    }
}

Qt::ItemFlags SideListModel::flags(const QModelIndex& index) const
{
    const SideRow* r = item(index);
    if (!r) {
        return Qt::NoItemFlags;
    }
    return r->selectable ? Qt::ItemIsEnabled | Qt::ItemIsSelectable : Qt::ItemIsEnabled;
}

QString SideListModel::keyAt(const QModelIndex& index) const
{
    const SideRow* r = item(index);
    return r ? r->id : QString();
}

} // namespace shopdesk::ui
