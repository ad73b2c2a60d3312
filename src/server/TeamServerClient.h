#pragma once

#include "server/TeamServer.h"

#include <QWebSocket>

namespace shopdesk::server {

/// One connection's state (internal to TeamServer).
struct TeamServer::Client {
    QWebSocket* socket = nullptr;
    bool greeted = false;
    /// The language its hello asked for ("zh_CN" or "en"): what the server says to it.
    QString language = QStringLiteral("en");
    qint64 lastId = 0;
    /// Set once logged in or resumed.
    QByteArray tokenHash;
    AccountId account;
    qint64 epoch = 0;
    qint64 lastActivityMs = 0;
    bool subscribed = false;
    qint64 lastPushedSeq = 0;
    protocol::IdentityWire identity;
    bool closing = false;

    bool authenticated() const { return !tokenHash.isEmpty(); }
};

} // namespace shopdesk::server
