#pragma once

#include "core/Result.h"

class QLabel;
#include <QStringList>

class QTableWidget;

namespace shopdesk::ui {

/// Paints `label` as an error line (red).
void styleAsError(QLabel* label);
/// Shows `message` on `label`: red for an error, grey for a confirmation.
void showOutcome(QLabel* label, const QString& message, bool error);
/// Shows a service's answer on `label`: its error in red, else `done` in grey.
void showOutcome(QLabel* label, const Status& st, const QString& done);

/// A read-only list table: whole rows selected one at a time, the last column stretched.
void setUpListTable(QTableWidget* table, const QStringList& headers);

} // namespace shopdesk::ui
