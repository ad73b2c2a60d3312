#include "common/Outcome.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>

namespace shopdesk::ui {

namespace {
const QString kErrorStyle = QStringLiteral("color: #c0392b");
const QString kDoneStyle = QStringLiteral("color: gray");
} // namespace

void styleAsError(QLabel* label)
{
    label->setStyleSheet(kErrorStyle);
}

void showOutcome(QLabel* label, const QString& message, bool error)
{
    label->setStyleSheet(error ? kErrorStyle : kDoneStyle);
    label->setText(message);
}

void showOutcome(QLabel* label, const Status& st, const QString& done)
{
    showOutcome(label, st ? done : st.error().message, !st);
}

void setUpListTable(QTableWidget* table, const QStringList& headers)
{
    table->setColumnCount(static_cast<int>(headers.size()));
    table->setHorizontalHeaderLabels(headers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->hide();
}

} // namespace shopdesk::ui
