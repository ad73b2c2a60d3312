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
    /// Marks every unfilled phrase variable ({订单号}, ...) in the text; returns how many there are.
    /// The marks follow the text as it is edited and go with the last gap.
    int markGaps();
    /// How many gaps are marked now.
    int markedGaps() const { return static_cast<int>(extraSelections().size()); }

signals:
    void sendRequested();
    void pickerAccepted();
    void slashTyped(const QString& query);
    void slashEnded();

protected:
    void keyPressEvent(QKeyEvent* event) override;
    /// Tab while the `/` picker is open inserts the phrase (it would otherwise move the focus:
    /// Qt takes Tab before keyPressEvent when Tab changes focus).
    bool event(QEvent* event) override;

private:
    void checkSlash();
    void updateGaps();
    qsizetype slashStart() const;

    QuickReplyPicker* m_picker = nullptr;
    std::optional<QString> m_lastSlash; ///< what the picker was last told
    bool m_sendOnEnter = true;
    bool m_markGaps = false;
};

} // namespace shopdesk::ui
