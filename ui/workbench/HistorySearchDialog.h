#pragma once

#include "core/Result.h"
#include "domain/Search.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;

namespace shopdesk::session {
class ShopSession;
}

namespace shopdesk::ui {

/// The toolbar's search over all history: the newest matches a page at a time. When the search
/// stopped at a page, it says so and offers the older ones (never "200 found" for "200 shown").
class HistorySearchDialog : public QDialog {
    Q_OBJECT
public:
    static constexpr int kPage = 200;

    HistorySearchDialog(session::ShopSession& session, const QString& query, QWidget* parent = nullptr);

    /// Asks for the next (older) page; the list grows when it comes (at once on a single seat),
    /// or the reason is shown. A page already on its way is not asked twice.
    void loadMore();
    bool loading() const { return m_loading; }
    QListWidget* list() const { return m_list; }
    QLabel* summary() const { return m_summary; }
    QPushButton* moreButton() const { return m_more; }
    int shown() const { return m_shown; }

signals:
    /// A hit was activated: open its conversation at the message.
    void openRequested(const QString& platform, const QString& key, qint64 messageId);

private:
    void showPage(const Result<SearchPage>& page);
    void updateSummary();
    bool m_loading = false;

    session::ShopSession& m_session;
    SearchRequest m_request;
    QListWidget* m_list;
    QLabel* m_summary;
    QPushButton* m_more;
    int m_shown = 0;
    bool m_hasMore = false;
};

} // namespace shopdesk::ui
