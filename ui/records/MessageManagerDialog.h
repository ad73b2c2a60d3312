#pragma once

#include "core/Result.h"
#include "domain/Message.h"
#include "workbench/WorkbenchContext.h"

#include <QDialog>

class QLineEdit;
class QListWidget;
class QPushButton;

namespace shopdesk::ui {

/// 消息管理: one buyer's whole history across conversations, searchable; deleting records needs
/// history.delete, a confirmation, and is audited by the service.
class MessageManagerDialog : public QDialog {
    Q_OBJECT
public:
    MessageManagerDialog(WorkbenchContext& context, const QString& platform, const QString& buyer,
                         QWidget* parent = nullptr);

    bool reload();
    QLineEdit* searchBox() const { return m_search; }
    QListWidget* list() const { return m_list; }
    QPushButton* deleteButton() const { return m_delete; }
    /// Deletes the selected messages (all shown when none is selected) without asking (the
    /// button asks first).
    Result<qint64> deleteSelected();

private:
    WorkbenchContext& m_context;
    QString m_platform;
    QString m_buyer;
    QLineEdit* m_search;
    QListWidget* m_list;
    QPushButton* m_delete;
};

} // namespace shopdesk::ui
