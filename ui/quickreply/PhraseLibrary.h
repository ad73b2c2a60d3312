#pragma once

#include "domain/QuickReplyIndex.h"

#include <QObject>

namespace shopdesk::session {
class ShopSession;
}

namespace shopdesk::ui {

/// The logged-in person's phrases (the team's and their own), loaded once and shared by every
/// picker and the phrase browser; reloaded when they edit one.
class PhraseLibrary : public QObject {
    Q_OBJECT
public:
    explicit PhraseLibrary(session::ShopSession& session, QObject* parent = nullptr);

    const QuickReplyIndex& index() const { return m_index; }
    session::ShopSession& session() { return m_session; }
    /// Reads the phrases again; false (and error()) when it cannot.
    bool reload();
    /// Counts a use (stored in the background, and in the index right away).
    void recordUse(QuickReplyId id);
    const QString& error() const { return m_error; }

signals:
    void changed();

private:
    session::ShopSession& m_session;
    QuickReplyIndex m_index;
    QString m_error;
};

} // namespace shopdesk::ui
