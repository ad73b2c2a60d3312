#pragma once

#include "auth/Actor.h"
#include "domain/QuickReplyIndex.h"

#include <QObject>

namespace shopdesk {
class QuickReplyService;
}

namespace shopdesk::ui {

/// The logged-in agent's phrases (the team's and their own), loaded once and shared by every
/// picker and the phrase browser; reloaded when the agent edits one.
class PhraseLibrary : public QObject {
    Q_OBJECT
public:
    PhraseLibrary(QuickReplyService& service, auth::Actor actor, QObject* parent = nullptr);

    const QuickReplyIndex& index() const { return m_index; }
    QuickReplyService& service() { return m_service; }
    const auth::Actor& actor() const { return m_actor; }
    /// Reloads from the store; false (and error()) when it cannot.
    bool reload();
    /// Counts a use (stored, and in the index right away).
    void recordUse(QuickReplyId id);
    const QString& error() const { return m_error; }

signals:
    void changed();

private:
    QuickReplyService& m_service;
    auth::Actor m_actor;
    QuickReplyIndex m_index;
    QString m_error;
};

} // namespace shopdesk::ui
