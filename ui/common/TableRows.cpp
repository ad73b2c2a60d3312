#include "common/TableRows.h"

#include <QApplication>
#include <QHeaderView>
#include <QPainter>
#include <QTableView>

namespace shopdesk::ui {

TableRowsModel::TableRowsModel(QStringList headers, QObject* parent, int barColumn)
    : KeyedRows(parent)
    , m_headers(std::move(headers))
    , m_barColumn(barColumn)
{
}

int TableRowsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_headers.size());
}

QVariant TableRowsModel::data(const QModelIndex& index, int role) const
{
    const TableRow* r = item(index);
    if (!r || index.column() < 0 || index.column() >= columnCount()) {
        return {};
    }
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        return r->cells.value(index.column());
    }
    if (index.column() == m_barColumn && r->barMaximum >= 0) {
        if (role == BarValueRole) {
            return r->barValue;
        }
        if (role == BarMaximumRole) {
            return r->barMaximum;
        }
    }
    return {};
}

QVariant TableRowsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole) {
        return m_headers.value(section);
    }
    return {};
}

QString TableRowsModel::keyAt(int row) const
{
    const TableRow* r = item(row);
    return r ? r->id : QString();
}

QString TableRowsModel::text(int row, int column) const
{
    const TableRow* r = item(row);
    return r ? r->cells.value(column) : QString();
}

void LoadBarDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const QVariant maximum = index.data(TableRowsModel::BarMaximumRole);
    if (!maximum.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionProgressBar bar;
    bar.rect = option.rect.adjusted(2, 2, -2, -2);
    bar.minimum = 0;
    bar.maximum = std::max(1, maximum.toInt());
    bar.progress = std::min(bar.maximum, index.data(TableRowsModel::BarValueRole).toInt());
    bar.text = index.data(Qt::DisplayRole).toString();
    bar.textVisible = true;
    bar.state = option.state | QStyle::State_Horizontal;
    QApplication::style()->drawControl(QStyle::CE_ProgressBar, &bar, painter);
}

void setUpTableView(QTableView* view, QAbstractItemModel* model)
{
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->horizontalHeader()->setStretchLastSection(true);
    view->verticalHeader()->hide();
    view->setWordWrap(false);
}

} // namespace shopdesk::ui
