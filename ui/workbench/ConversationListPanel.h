#pragma once

#include "domain/Workbench.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QTimer;

namespace shopdesk::session {
class ShopSession;
} // namespace shopdesk::session

namespace shopdesk::ui {

class ConversationListDelegate;
class ConversationListModel;

/// The left column: filter box over the conversation list; activating a buyer opens their chat.
class ConversationListPanel : public QWidget {
    Q_OBJECT
public:
    explicit ConversationListPanel(session::ShopSession& session, QWidget* parent = nullptr);

    ConversationListModel* model() const { return m_model; }
    QListView* view() const { return m_view; }
    QLineEdit* filterBox() const { return m_filter; }
    ConversationListDelegate* delegate() const { return m_delegate; }
    /// Selects the conversation's row without opening it again.
    void select(ConversationId id);
    /// Reads the list again; what stops it (a missing permission, a read failure) is said above it.
    bool refresh();
    /// How long after the pointer last moved over the list its order stays put.
    static constexpr int kHoldMs = 2000;
    QLabel* notice() const { return m_notice; }

signals:
    void openRequested(const ConversationSummary& conversation);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    /// Frozen while the person points at the list (moved within kHoldMs) or keyboards in it.
    void updateFrozen();

    ConversationListModel* m_model;
    ConversationListDelegate* m_delegate;
    QLineEdit* m_filter;
    QLabel* m_notice;
    QListView* m_view;
    QTimer* m_ticker;
    QTimer* m_hold;
    bool m_pointerOver = false;
    ConversationId m_selected;
};

} // namespace shopdesk::ui
