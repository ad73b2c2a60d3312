#include "app/SingleInstance.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>

namespace shopdesk::ui {

SingleInstance::SingleInstance(const QString& databasePath, QObject* parent)
    : QObject(parent)
    , m_name(QStringLiteral("shopdesk-") +
             QString::fromLatin1(QCryptographicHash::hash(QFileInfo(databasePath).absoluteFilePath().toUtf8(),
                                                          QCryptographicHash::Sha256)
                                     .toHex()
                                     .left(24)))
{
}

bool SingleInstance::listen()
{
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption); // only this user's starts
    QLocalServer::removeServer(m_name);                         // a socket left by a crash
    if (!m_server->listen(m_name)) {
        return false;
    }
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket* s = m_server->nextPendingConnection()) {
            connect(s, &QLocalSocket::readyRead, s, [this, s] {
                if (s->readAll().startsWith("raise")) {
                    s->write("ok\n");
                    s->flush();
                    emit raiseRequested();
                }
                s->disconnectFromServer();
            });
            connect(s, &QLocalSocket::disconnected, s, &QObject::deleteLater);
        }
    });
    return true;
}

bool SingleInstance::askFirstToRaise(int timeoutMs) const
{
    QLocalSocket s;
    s.connectToServer(m_name);
    if (!s.waitForConnected(timeoutMs)) {
        return false;
    }
    s.write("raise\n");
    s.flush();
    return s.waitForReadyRead(timeoutMs) && s.readAll().startsWith("ok");
}

} // namespace shopdesk::ui
