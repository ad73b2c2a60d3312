#pragma once

#include "core/Result.h"

#include <QByteArray>

#include <functional>

namespace shopdesk::routing {

/// `shopdeskctl routing simulate FILE`: runs the engine over a JSON scenario (settings, groups,
/// agents, events) and hands each output line (one JSON object) to `output` as it is decided, the
/// final {"event":"end",...} last. A bad file or an event that makes no sense is an Invalid error
/// naming the event's index; lines for earlier events have been emitted by then.
Status runScenario(const QByteArray& json, const std::function<void(const QByteArray& line)>& output);

} // namespace shopdesk::routing
