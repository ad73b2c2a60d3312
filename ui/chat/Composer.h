#pragma once

#include <QPlainTextEdit>

#include <optional>

namespace shopdesk::ui {

class QuickReplyPicker;

/// Where the agent types. Enter sends and Shift+Enter breaks the line (or, with send-on-Enter
/// off, Ctrl+Enter sends); `/` + a keyword at the start of a word opens the quick-reply picker.
class Composer : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit Composer(QWidget* parent = nullptr);

    void setPicker(QuickReplyPicker* picker) { m_picker = picker; }
    void setSendOnEnter(bool on) { m_sendOnEnter = on; }
    bool sendOnEnter() const { return m_sendOnEnter; }
    /// Replaces the `/keyword` being typed with `text`.
    void replaceSlashToken(const QString& text);
    /// The keyword after a `/` at the cursor, if one is being typed.
    std::optional<QString> slashQuery() const;

signals:
    void sendRequested();
    void pickerAccepted();
    void slashTyped(const QString& query);
    void slashEnded();

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void checkSlash();
    qsizetype slashStart() const;

    QuickReplyPicker* m_picker = nullptr;
    std::optional<QString> m_lastSlash; ///< what the picker was last told
    bool m_sendOnEnter = true;
};

} // namespace shopdesk::ui
