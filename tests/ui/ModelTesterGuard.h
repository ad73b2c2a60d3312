#pragma once

#include <QAbstractItemModelTester>
#include <QMutex>
#include <QStringList>

#include <cstdio>
#include <memory>

namespace shopdesk::test {

/// Qt's QAbstractItemModelTester on a model, its complaints collected instead of aborting:
/// failures() counts them, report() lists them. Several guards may live at once; a complaint is
/// counted by every guard alive (the tester does not say which model it was about).
class ModelTesterGuard {
public:
    explicit ModelTesterGuard(QAbstractItemModel* model)
    {
        m_outer = s_current;
        s_current = this;
        m_previous = qInstallMessageHandler(&ModelTesterGuard::handle);
        m_tester =
            std::make_unique<QAbstractItemModelTester>(model, QAbstractItemModelTester::FailureReportingMode::Warning);
    }
    ~ModelTesterGuard()
    {
        m_tester.reset();
        qInstallMessageHandler(m_previous);
        s_current = m_outer;
    }
    ModelTesterGuard(const ModelTesterGuard&) = delete;
    ModelTesterGuard& operator=(const ModelTesterGuard&) = delete;

    int failures() const
    {
        QMutexLocker lock(&m_mutex);
        return static_cast<int>(m_messages.size());
    }
    QString report() const
    {
        QMutexLocker lock(&m_mutex);
        return m_messages.join(QLatin1Char('\n'));
    }

private:
    static void handle(QtMsgType type, const QMessageLogContext& context, const QString& message)
    {
        if (s_current && context.category && QByteArray(context.category) == "qt.modeltest" && type >= QtWarningMsg) {
            QMutexLocker lock(&s_current->m_mutex);
            s_current->m_messages << message;
            return;
        }
        // Anything else goes to the handler that was there before the outermost guard.
        ModelTesterGuard* outermost = s_current;
        while (outermost && outermost->m_outer) {
            outermost = outermost->m_outer;
        }
        if (outermost && outermost->m_previous) {
            outermost->m_previous(type, context, message);
        } else if (!outermost) {
            fprintf(stderr, "%s\n", qPrintable(message));
        }
    }

    static inline ModelTesterGuard* s_current = nullptr;
    ModelTesterGuard* m_outer = nullptr;
    QtMessageHandler m_previous = nullptr;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    mutable QMutex m_mutex;
    QStringList m_messages;
};

} // namespace shopdesk::test
