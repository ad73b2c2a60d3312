#include "quickreply/PhraseLibrary.h"

#include "services/quickreply/QuickReplyService.h"

namespace shopdesk::ui {

PhraseLibrary::PhraseLibrary(QuickReplyService& service, auth::Actor actor, QObject* parent)
    : QObject(parent)
    , m_service(service)
    , m_actor(std::move(actor))
{
    reload();
}

bool PhraseLibrary::reload()
{
    auto phrases = m_service.phrases(m_actor);
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
    if (Status st = m_service.recordUse(m_actor, id); !st) {
        m_error = st.error().message; // a lost count costs the agent nothing; the order just lags
    }
}

} // namespace shopdesk::ui
