#pragma once

#include <QObject>
#include <QString>

class QLocalServer;

namespace shopdesk::ui {

/// One workbench per database: the first start listens on a local socket named after the
/// database; a second start asks it to come to the front instead of opening a second window.
class SingleInstance : public QObject {
    Q_OBJECT
public:
    explicit SingleInstance(const QString& databasePath, QObject* parent = nullptr);

    /// The first start: listens for later starts. False when it cannot (they then only say so).
    bool listen();
    /// A later start: asks the first to raise its window; true when it answered.
    bool askFirstToRaise(int timeoutMs = 1500) const;

signals:
    /// A later start asked for the window.
    void raiseRequested();

private:
    QString m_name;
    QLocalServer* m_server = nullptr;
};

} // namespace shopdesk::ui
