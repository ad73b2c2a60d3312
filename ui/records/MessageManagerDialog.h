#pragma once

#include "core/Result.h"
#include "domain/Message.h"
#include "domain/Search.h"
#include "workbench/WorkbenchContext.h"

#include <QDialog>
#include <QFuture>

class QLabel;
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

    /// Asks for the buyer's records (those matching the search box); the list is replaced when
    /// the newest question's answer comes (at once on a single seat), an older answer is dropped.
    void reload();
    QLineEdit* searchBox() const { return m_search; }
    QListWidget* list() const { return m_list; }
    QPushButton* deleteButton() const { return m_delete; }
    QPushButton* deleteAllButton() const { return m_deleteAll; }
    /// Deletes exactly the selected messages without asking (the button asks first); none selected
    /// deletes nothing. The outcome is shown in the dialog when it comes.
    QFuture<Result<qint64>> deleteSelected();
    /// Deletes every message of the buyer; `typedName` must be the buyer's name.
    QFuture<Result<qint64>> deleteAll(const QString& typedName);
    QLabel* statusLine() const { return m_status; }

private:
    void deleted(const Result<qint64>& removed);
    void showRecords(const Result<SearchPage>& page);
    void updateButtons();

    WorkbenchContext& m_context;
    QString m_platform;
    QString m_buyer;
    QLineEdit* m_search;
    QListWidget* m_list;
    QPushButton* m_delete;
    QPushButton* m_deleteAll;
    QLabel* m_status;
    quint64 m_asked = 0; ///< the newest reload's number
};

} // namespace shopdesk::ui
