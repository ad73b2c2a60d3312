#pragma once

#include "common/KeyedRows.h"

#include <QAbstractListModel>
#include <QColor>
#include <QIcon>

namespace shopdesk::ui {

/// One line of a side tab's list (an order, a refund): its number as the key, what it shows.
struct SideRow {
    QString id;
    QString text;
    QColor dot;        ///< a status dot, invalid for none
    QColor foreground; ///< invalid: the palette's
    bool bold = false;
    bool selectable = true;

    const QString& key() const { return id; }
    bool operator==(const SideRow&) const = default;
};

/// A side tab's list, updated by rows so that the selection stays on the same order or refund
/// whatever arrives meanwhile.
class SideListModel : public KeyedRows<SideRow, QAbstractListModel> {
    Q_OBJECT
public:
    using KeyedRows::KeyedRows;

    QVariant data(const QModelIndex& index, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    void setRows(std::vector<SideRow> rows) { sync(std::move(rows)); }
    /// The key of the row, "" outside the rows.
    QString keyAt(const QModelIndex& index) const;
};

} // namespace shopdesk::ui
