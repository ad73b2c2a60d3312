#pragma once

#include "domain/QuickReply.h"

#include <QFrame>

#include <optional>

class QListWidget;
class QLabel;

namespace shopdesk::ui {

class PhraseLibrary;

/// The `/` picker over the composer: the best matches for what follows the slash (code, text or
/// pinyin initials), most used first. The composer keeps the keyboard: Up/Down move, Enter or Tab
/// take the phrase, Esc closes.
class QuickReplyPicker : public QFrame {
    Q_OBJECT
public:
    static constexpr int kShown = 30;

    QuickReplyPicker(PhraseLibrary& library, QWidget* parent);

    void setQuery(const QString& query);
    const QString& query() const { return m_query; }
    void moveSelection(int delta);
    std::optional<QuickReply> current() const;
    int count() const;
    QListWidget* list() const { return m_list; }

signals:
    /// A phrase was clicked.
    void chosen();

private:
    PhraseLibrary& m_library;
    QListWidget* m_list;
    QLabel* m_hint;
    QString m_query;
    std::vector<int> m_matches;
};

} // namespace shopdesk::ui
