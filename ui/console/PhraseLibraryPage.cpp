#include "console/PhraseLibraryPage.h"

#include "common/FormDialog.h"
#include "common/Outcome.h"
#include "domain/QuickReplyIndex.h"
#include "session/Phrases.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

namespace shopdesk::ui {

PhraseImportPreview::PhraseImportPreview(const PhraseCsvParse& parsed, QWidget* parent)
    : QDialog(parent)
    , m_table(new QTableWidget(this))
    , m_import(nullptr)
{
    setWindowTitle(tr("Import phrases"));
    resize(720, 480);
    m_table->setColumnCount(4);
    m_table->setHorizontalHeaderLabels({tr("Line"), tr("Group"), tr("Code"), tr("Text or problem")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (const PhraseRowError& e : parsed.errors) {
        const int r = m_table->rowCount();
        m_table->insertRow(r);
        m_table->setItem(r, 0, new QTableWidgetItem(QString::number(e.line)));
        auto* problem = new QTableWidgetItem(e.reason);
        problem->setForeground(QColor(0xC0, 0x39, 0x2B));
        m_table->setItem(r, 3, problem);
    }
    for (const PhraseRow& row : parsed.rows) {
        const int r = m_table->rowCount();
        m_table->insertRow(r);
        m_table->setItem(r, 0, new QTableWidgetItem(QString::number(row.line)));
        m_table->setItem(r, 1, new QTableWidgetItem(row.group));
        m_table->setItem(r, 2, new QTableWidgetItem(row.code));
        m_table->setItem(r, 3, new QTableWidgetItem(row.text.simplified()));
    }
    auto* summary =
        new QLabel(parsed.errors.empty()
                       ? tr("%1 phrases to import. Phrases whose code exists are updated.").arg(parsed.rows.size())
                       : tr("%1 bad lines: fix them in the file and import again (nothing is imported).")
                             .arg(parsed.errors.size()),
                   this);
    summary->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_import = buttons->addButton(tr("Import"), QDialogButtonBox::AcceptRole);
    m_import->setEnabled(parsed.errors.empty() && !parsed.rows.empty());
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
}

PhraseLibraryPage::PhraseLibraryPage(WorkbenchContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
    , m_table(new QTableWidget(this))
    , m_message(new QLabel(this))
{
    m_table->setColumnCount(4);
    m_table->setHorizontalHeaderLabels({tr("Group"), tr("Code"), tr("Text"), tr("Uses")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_message->setWordWrap(true);
    auto* add = new QPushButton(tr("New…"), this);
    auto* editButton = new QPushButton(tr("Edit…"), this);
    auto* remove = new QPushButton(tr("Delete"), this);
    auto* up = new QPushButton(tr("Up"), this);
    auto* down = new QPushButton(tr("Down"), this);
    auto* importButton = new QPushButton(tr("Import CSV…"), this);
    auto* exportButton = new QPushButton(tr("Export CSV…"), this);
    auto* buttons = new QHBoxLayout;
    for (QPushButton* b : {add, editButton, remove, up, down}) {
        buttons->addWidget(b);
    }
    buttons->addStretch();
    buttons->addWidget(importButton);
    buttons->addWidget(exportButton);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    auto selected = [this]() -> std::optional<QuickReply> {
        const int row = m_table->currentRow();
        if (row < 0 || row >= static_cast<int>(m_phrases.size())) {
            return std::nullopt;
        }
        return m_phrases[static_cast<std::size_t>(row)];
    };
    connect(add, &QPushButton::clicked, this, [this] { edit(std::nullopt); });
    connect(editButton, &QPushButton::clicked, this, [this, selected] {
        if (auto p = selected()) {
            edit(p);
        }
    });
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this, selected] {
        if (auto p = selected()) {
            edit(p);
        }
    });
    connect(remove, &QPushButton::clicked, this, [this, selected] {
        auto p = selected();
        if (p && QMessageBox::question(this, tr("Delete phrase"), tr("Delete /%1 for the whole team?").arg(p->code)) ==
                     QMessageBox::Yes) {
            m_context.session.phrases().remove(p->id).then(this, [this](Status st) { report(st, tr("Deleted.")); });
        }
    });
    connect(up, &QPushButton::clicked, this, [this] { (void)move(m_table->currentRow(), -1); });
    connect(down, &QPushButton::clicked, this, [this] { (void)move(m_table->currentRow(), 1); });
    connect(importButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import phrases"), QString(), tr("CSV (*.csv)"));
        if (path.isEmpty()) {
            return;
        }
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            report(Error::notFound(tr("Cannot read %1: %2").arg(path, f.errorString())), {});
            return;
        }
        const QByteArray bytes = f.readAll();
        PhraseImportPreview preview(m_context.session.phrases().parseCsv(bytes), this);
        if (preview.exec() == QDialog::Accepted) {
            (void)importCsv(bytes);
        }
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Export phrases"), QStringLiteral("phrases.csv"), tr("CSV (*.csv)"));
        if (!path.isEmpty()) {
            (void)exportCsv(path);
        }
    });
    reload();
}

bool PhraseLibraryPage::reload()
{
    auto team = m_context.session.phrases().team();
    if (!team) {
        m_message->setText(team.error().message);
        return false;
    }
    m_phrases = std::move(*team);
    QSet<qint64> duplicated;
    for (const auto& [a, b] : duplicatePhrases(m_phrases)) {
        duplicated.insert(a.value());
        duplicated.insert(b.value());
    }
    m_table->setRowCount(static_cast<int>(m_phrases.size()));
    for (int r = 0; r < static_cast<int>(m_phrases.size()); ++r) {
        const QuickReply& p = m_phrases[static_cast<std::size_t>(r)];
        const QStringList cells{p.group, p.code, p.text.simplified(), QString::number(p.usageCount)};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            if (duplicated.contains(p.id.value())) {
                item->setBackground(QColor(0xFF, 0xF3, 0xCD));
                item->setToolTip(tr("Another phrase has the same text."));
                item->setData(Qt::UserRole, true);
            }
            m_table->setItem(r, c, item);
        }
    }
    return true;
}

int PhraseLibraryPage::duplicateRows() const
{
    int n = 0;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        n += m_table->item(r, 0)->data(Qt::UserRole).toBool() ? 1 : 0;
    }
    return n;
}

void PhraseLibraryPage::report(const Status& st, const QString& done)
{
    showOutcome(m_message, st, done);
    if (st) {
        reload();
    }
}

QFuture<Status> PhraseLibraryPage::importCsv(const QByteArray& file)
{
    const PhraseCsvParse parsed = m_context.session.phrases().parseCsv(file);
    if (!parsed.errors.empty()) {
        const Status st =
            Error::invalid(tr("Line %1: %2").arg(parsed.errors.front().line).arg(parsed.errors.front().reason));
        report(st, {});
        return QtFuture::makeReadyFuture(st);
    }
    return m_context.session.phrases().importTeam(parsed.rows).then(this, [this](Result<PhraseImportSummary> summary) {
        const Status st = summary ? Status() : Status(summary.error());
        report(st, summary ? tr("%1 added, %2 updated.").arg(summary->added).arg(summary->updated) : QString());
        return st;
    });
}

Status PhraseLibraryPage::exportCsv(const QString& path)
{
    auto csv = m_context.session.phrases().exportTeam();
    if (!csv) {
        report(csv.error(), {});
        return csv.error();
    }
    QSaveFile file(path);
    Status st;
    if (!file.open(QIODevice::WriteOnly) || file.write(*csv) < 0 || !file.commit()) {
        st = Error::invalid(tr("Cannot write %1: %2").arg(path, file.errorString()));
    }
    report(st, tr("%1 phrases saved to %2.").arg(m_phrases.size()).arg(path));
    return st;
}

QFuture<Status> PhraseLibraryPage::saveTeamPhrase(QuickReply phrase)
{
    phrase.scope = QuickReply::Scope::Team;
    return m_context.session.phrases().save(phrase).then(this, [this](Result<QuickReplyId> saved) {
        const Status st = saved ? Status() : Status(saved.error());
        report(st, tr("Saved."));
        return st;
    });
}

QFuture<Status> PhraseLibraryPage::move(int row, int delta)
{
    if (row < 0 || row >= static_cast<int>(m_phrases.size())) {
        return QtFuture::makeReadyFuture(Status());
    }
    const QuickReplyId id = m_phrases[static_cast<std::size_t>(row)].id;
    return m_context.session.phrases().moveTeam(id, delta).then(this, [this, id](Status st) {
        report(st, QString());
        for (int r = 0; r < static_cast<int>(m_phrases.size()); ++r) {
            if (m_phrases[static_cast<std::size_t>(r)].id == id) {
                m_table->selectRow(r);
            }
        }
        return st;
    });
}

void PhraseLibraryPage::edit(std::optional<QuickReply> existing)
{
    FormDialog dialog(existing ? tr("Edit team phrase") : tr("New team phrase"), this,
                      tr("Variables: {买家} {客服} {订单号} {店铺} {物流公司} {运单号}"));
    auto* group = new QLineEdit(existing ? existing->group : QString(), &dialog);
    auto* code = new QLineEdit(existing ? existing->code : QString(), &dialog);
    auto* text = new QPlainTextEdit(existing ? existing->text : QString(), &dialog);
    dialog.addRow(tr("Group"), group);
    dialog.addRow(tr("Short code"), code);
    dialog.addRow(tr("Text"), text);
    dialog.submitWith([this, existing, group, code, text] {
        QuickReply p = existing.value_or(QuickReply{});
        p.group = group->text();
        p.code = code->text();
        p.text = text->toPlainText();
        return saveTeamPhrase(p);
    });
    dialog.exec();
}

} // namespace shopdesk::ui
