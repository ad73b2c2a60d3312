#include "quickreply/PhraseLibrary.h"

#include "session/Phrases.h"
#include "session/ShopSession.h"

namespace shopdesk::ui {

PhraseLibrary::PhraseLibrary(session::ShopSession& session, QObject* parent)
    : QObject(parent)
    , m_session(session)
{
    reload();
}

bool PhraseLibrary::reload()
{
    if (!m_session.may(auth::Operation::QuickReplyView)) {
        m_index = QuickReplyIndex();
        emit changed();
        return true;
    }
    auto phrases = m_session.phrases().mine();
    if (!phrases) {
        m_error = phrases.error().message;
        return false;
    }
    m_error.clear();
    m_index = QuickReplyIndex(std::move(*phrases));
    emit changed();
    return true;
}

void PhraseLibrary::recordUse(QuickReplyId id)
{
    m_index.recordUse(id);
    // A lost count costs the agent nothing (the order just lags); the session does not wait for it.
    m_session.phrases().recordUse(id).then(this, [this](Status st) {
        if (!st) {
            m_error = st.error().message;
        }
    });
}

} // namespace shopdesk::ui
