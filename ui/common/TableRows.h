#pragma once

#include "common/KeyedRows.h"

#include <QAbstractTableModel>
#include <QStringList>
#include <QStyledItemDelegate>

class QTableView;

namespace shopdesk::ui {

/// One row of a console table: a stable key and the text of its cells.
struct TableRow {
    QString id;
    QStringList cells;
    /// A load bar (value, maximum) for the column the model names; (-1, -1) for none.
    int barValue = -1;
    int barMaximum = -1;

    const QString& key() const { return id; }
    bool operator==(const TableRow&) const = default;
};

/// A console table (accounts, audit, live queue) updated by rows: selection, current row and
/// scroll position survive every refresh.
class TableRowsModel : public KeyedRows<TableRow, QAbstractTableModel> {
    Q_OBJECT
public:
    static constexpr int BarValueRole = Qt::UserRole + 1;
    static constexpr int BarMaximumRole = Qt::UserRole + 2;

    explicit TableRowsModel(QStringList headers, QObject* parent = nullptr, int barColumn = -1);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    void setRows(std::vector<TableRow> rows) { sync(std::move(rows)); }
    QString keyAt(int row) const;
    /// The text of a cell ("" outside the table).
    QString text(int row, int column) const;

private:
    QStringList m_headers;
    int m_barColumn;
};

/// Paints TableRowsModel's load bars ("3 / 8" on a bar).
class LoadBarDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

/// A table view set up as the console's lists are: whole rows, one at a time, not editable.
void setUpTableView(QTableView* view, QAbstractItemModel* model);

} // namespace shopdesk::ui
