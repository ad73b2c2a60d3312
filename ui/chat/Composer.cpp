#include "chat/Composer.h"

#include "domain/PhraseVariables.h"
#include "quickreply/QuickReplyPicker.h"

#include <QKeyEvent>
#include <QTextBlock>

namespace shopdesk::ui {

Composer::Composer(QWidget* parent)
    : QPlainTextEdit(parent)
{
    setObjectName(QStringLiteral("composer"));
    setTabChangesFocus(true);
    connect(this, &QPlainTextEdit::textChanged, this, &Composer::checkSlash);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &Composer::checkSlash);
    connect(this, &QPlainTextEdit::textChanged, this, &Composer::updateGaps);
}

int Composer::markGaps()
{
    m_markGaps = true;
    updateGaps();
    return markedGaps();
}

void Composer::updateGaps()
{
    if (!m_markGaps) {
        return;
    }
    QList<QTextEdit::ExtraSelection> marks;
    for (const UnfilledVariable& gap : unfilledVariables(toPlainText())) {
        QTextEdit::ExtraSelection mark;
        mark.cursor = QTextCursor(document());
        mark.cursor.setPosition(static_cast<int>(gap.start));
        mark.cursor.setPosition(static_cast<int>(gap.start + gap.length), QTextCursor::KeepAnchor);
        mark.format.setBackground(QColor(0xFF, 0xE0, 0x82));
        mark.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        mark.format.setUnderlineColor(QColor(0xE6, 0x7E, 0x22));
        marks << mark;
    }
    if (marks.isEmpty()) {
        m_markGaps = false;
    }
    setExtraSelections(marks);
}

qsizetype Composer::slashStart() const
{
    const QTextCursor cursor = textCursor();
    const QString block = cursor.block().text();
    const qsizetype pos = cursor.positionInBlock();
    for (qsizetype i = pos - 1; i >= 0; --i) {
        const QChar c = block.at(i);
        if (c.isSpace()) {
            return -1;
        }
        if (c == u'/') {
            if (i == 0 || block.at(i - 1).isSpace()) {
                return i;
            }
            return -1;
        }
    }
    return -1;
}

std::optional<QString> Composer::slashQuery() const
{
    const qsizetype start = slashStart();
    if (start < 0) {
        return std::nullopt;
    }
    const QTextCursor cursor = textCursor();
    return cursor.block().text().mid(start + 1, cursor.positionInBlock() - start - 1);
}

void Composer::checkSlash()
{
    // Typing changes both the text and the cursor: tell the picker once per change, not twice.
    const std::optional<QString> q = slashQuery();
    if (q == m_lastSlash) {
        return;
    }
    m_lastSlash = q;
    if (q) {
        emit slashTyped(*q);
    } else {
        emit slashEnded();
    }
}

void Composer::replaceSlashToken(const QString& text)
{
    QTextCursor cursor = textCursor();
    const qsizetype start = slashStart();
    if (start >= 0) {
        const int blockStart = cursor.block().position();
        cursor.setPosition(blockStart + static_cast<int>(start), QTextCursor::KeepAnchor);
    }
    cursor.insertText(text);
    setTextCursor(cursor);
}

bool Composer::event(QEvent* event)
{
    if (event->type() == QEvent::KeyPress && m_picker && m_picker->isVisible()) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Tab && key->modifiers() == Qt::NoModifier) {
            emit pickerAccepted();
            return true;
        }
    }
    return QPlainTextEdit::event(event);
}

void Composer::keyPressEvent(QKeyEvent* event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (m_picker && m_picker->isVisible()) {
        switch (event->key()) {
        case Qt::Key_Up:
            m_picker->moveSelection(-1);
            return;
        case Qt::Key_Down:
            m_picker->moveSelection(1);
            return;
        case Qt::Key_Tab:
            emit pickerAccepted();
            return;
        case Qt::Key_Escape:
            m_picker->hide();
            m_lastSlash.reset(); // the same keyword typed again opens it again
            return;
        default:
            if (enter && !(event->modifiers() & Qt::ShiftModifier)) {
                emit pickerAccepted();
                return;
            }
        }
    }
    if (enter) {
        const bool shift = event->modifiers() & Qt::ShiftModifier;
        const bool ctrl = event->modifiers() & Qt::ControlModifier;
        if ((m_sendOnEnter && !shift && !ctrl) || (!m_sendOnEnter && ctrl)) {
            emit sendRequested();
            return;
        }
        if (m_sendOnEnter && shift) {
            insertPlainText(QStringLiteral("\n"));
            return;
        }
    }
    QPlainTextEdit::keyPressEvent(event);
}

} // namespace shopdesk::ui
