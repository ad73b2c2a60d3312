#pragma once

#include "core/Result.h"
#include "domain/QuickReply.h"
#include "workbench/WorkbenchContext.h"

#include <QDialog>
#include <QFuture>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace shopdesk::ui {

/// The preview of a CSV import: the rows that will be imported and every bad line by number; the
/// import can be confirmed only when there is no bad line.
class PhraseImportPreview : public QDialog {
    Q_OBJECT
public:
    PhraseImportPreview(const PhraseCsvParse& parsed, QWidget* parent = nullptr);
    QPushButton* importButton() const { return m_import; }
    QTableWidget* table() const { return m_table; }

private:
    QTableWidget* m_table;
    QPushButton* m_import;
};

/// 快捷短语库: the team's phrases by group with short codes and usage counts; add, edit, delete,
/// reorder; duplicates marked; CSV import (with a preview) and export. Needs quickreply.team.manage.
class PhraseLibraryPage : public QWidget {
    Q_OBJECT
public:
    PhraseLibraryPage(WorkbenchContext& context, QWidget* parent = nullptr);

    bool reload();
    QTableWidget* table() const { return m_table; }
    QLabel* messageLabel() const { return m_message; }
    /// Imports a CSV file's bytes after the preview (the dialog's work); errors leave the library as it was.
    QFuture<Status> importCsv(const QByteArray& file);
    Status exportCsv(const QString& path);
    QFuture<Status> saveTeamPhrase(QuickReply phrase);
    QFuture<Status> move(int row, int delta);
    /// How many shown rows are marked as duplicates.
    int duplicateRows() const;

private:
    void edit(std::optional<QuickReply> existing);
    void report(const Status& st, const QString& done);

    WorkbenchContext& m_context;
    std::vector<QuickReply> m_phrases;
    QTableWidget* m_table;
    QLabel* m_message;
};

} // namespace shopdesk::ui
