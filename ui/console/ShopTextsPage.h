#pragma once

#include "domain/ShopTexts.h"
#include "workbench/WorkbenchContext.h"

#include <QFuture>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace shopdesk::ui {

/// 店铺话术: the shop's own wording for the closing line, the rating invitation and the payment
/// reminder, which every agent's workbench uses. Needs quickreply.team.manage to change.
class ShopTextsPage : public QWidget {
    Q_OBJECT
public:
    explicit ShopTextsPage(WorkbenchContext& context, QWidget* parent = nullptr);

    /// Reads the texts again (the edits not yet saved are replaced: only on request).
    bool reload();
    QFuture<Status> save();
    QPlainTextEdit* closingLine() const { return m_closing; }
    QPlainTextEdit* ratingInvitation() const { return m_rating; }
    QPlainTextEdit* paymentReminder() const { return m_reminder; }
    QPushButton* saveButton() const { return m_save; }

private:
    ShopTexts edited() const;

    WorkbenchContext& m_context;
    QPlainTextEdit* m_closing;
    QPlainTextEdit* m_rating;
    QPlainTextEdit* m_reminder;
    QPushButton* m_save;
    QPushButton* m_revert;
    QLabel* m_message;
};

} // namespace shopdesk::ui
