// The supervisor console driven as a supervisor drives it: each page only with its permission,
// no-escalation role checkboxes and permission tree, the typed delete confirmation, routing saved,
// the performance table and its CSV, the audit chain, the live queue.

#include "common/TableRows.h"
#include "console/AccountDialog.h"
#include "console/AccountsPage.h"
#include "console/AuditPage.h"
#include "console/ConsoleWindow.h"
#include "console/PerformancePage.h"

#include "console/PhraseLibraryPage.h"
#include "console/QueuePage.h"
#include "console/RolesPage.h"
#include "console/RoutingPage.h"
#include "services/accounts/AccountService.h"
#include "services/accounts/RoleService.h"
#include "services/quickreply/PhraseCsv.h"
#include "services/routing/RoutingConfigService.h"
#include "services/workbench/WorkbenchRepository.h"
#include "store/SqliteStore.h"
#include <QAbstractAxis>
#include <QChartView>
#include <QTest>

#include "support/Await.h"
#include "support/TempStore.h"
#include "ui/WorkbenchFixture.h"

#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeWidget>

namespace shopdesk::test {
namespace {

using namespace shopdesk::ui;
using Page = ConsoleWindow::Page;

class Console : public WorkbenchFixture {};

TEST_F(Console, EachPageOnlyWithItsPermission)
{
    TestShop pages(b);
    EXPECT_EQ(ConsoleWindow::pagesFor(*session::sessionOf(*pages, b.owner())).size(), 8u);
    EXPECT_TRUE(ConsoleWindow::pagesFor(
                    *session::sessionOf(*pages, b.account(QStringLiteral("小美"), {QStringLiteral("presales")})))
                    .empty());
    const auto auditor = ConsoleWindow::pagesFor(
        *session::sessionOf(*pages, b.account(QStringLiteral("审计员"), {QStringLiteral("auditor")})));
    EXPECT_EQ(auditor, (std::vector<Page>{Page::Performance, Page::Audit}));

    auto auditorActor = b.account(QStringLiteral("审计员2"), {QStringLiteral("auditor")});
    openAs(auditorActor);
    ConsoleWindow console(*context);
    EXPECT_EQ(console.tabs()->count(), 2);
    EXPECT_EQ(console.page(Page::Accounts), nullptr);
    // Nothing is read (no report run, no chain verified) before a page is opened.
    EXPECT_FALSE(console.built(Page::Performance));
    EXPECT_FALSE(console.built(Page::Audit));
    console.show();
    EXPECT_TRUE(console.built(Page::Performance)) << "the first tab is opened with the window";
    EXPECT_FALSE(console.built(Page::Audit));
    console.showPage(Page::Audit);
    EXPECT_TRUE(console.built(Page::Audit));
}

TEST_F(Console, RolesOnlyGrantableAreOfferedAndDeleteNeedsTheTypedName)
{
    auto supervisor = b.account(QStringLiteral("主管"), {QStringLiteral("supervisor")});
    openAs(supervisor);
    ConsoleWindow console(*context);
    auto* page = qobject_cast<AccountsPage*>(console.page(Page::Accounts));
    ASSERT_TRUE(page);

    auto grantable = b->accounts().grantableRoles(supervisor);
    auto roles = b->roles().list(supervisor);
    ASSERT_TRUE(grantable.ok() && roles.ok());
    AccountDialog dialog(*roles, *grantable, {QStringLiteral("presales")});
    ASSERT_TRUE(dialog.roleBox(QStringLiteral("owner")));
    EXPECT_FALSE(dialog.roleBox(QStringLiteral("owner"))->isEnabled()) << "no escalation to the main account's role";
    EXPECT_TRUE(dialog.roleBox(QStringLiteral("presales"))->isEnabled());
    dialog.roleBox(QStringLiteral("owner"))->setChecked(true);
    dialog.roleBox(QStringLiteral("presales"))->setChecked(true);
    dialog.nameEdit()->setText(QStringLiteral("小周"));
    dialog.passwordEdit()->setText(QStringLiteral("zhou-pass-1"));
    dialog.againEdit()->setText(QStringLiteral("zhou-pass-2"));
    EXPECT_FALSE(dialog.check()) << "the password typed twice must agree";
    dialog.againEdit()->setText(QStringLiteral("zhou-pass-1"));
    ASSERT_TRUE(dialog.check());
    EXPECT_EQ(dialog.account().roles, QStringList{QStringLiteral("presales")}) << "a disabled box never counts";
    ASSERT_TRUE(await(page->create(dialog.account())).ok()) << page->messageLabel()->text().toStdString();
    EXPECT_FALSE((page->model()->rowOfKey(QStringLiteral("小周")) < 0));

    EXPECT_FALSE(await(page->removeAccount(QStringLiteral("小周"), QStringLiteral("小"))).ok());
    EXPECT_FALSE((page->model()->rowOfKey(QStringLiteral("小周")) < 0)) << "nothing deleted";
    EXPECT_TRUE(page->messageLabel()->text().contains(QStringLiteral("小周")));
    ASSERT_TRUE(await(page->removeAccount(QStringLiteral("小周"), QStringLiteral("小周"))).ok());
    EXPECT_TRUE((page->model()->rowOfKey(QStringLiteral("小周")) < 0));
    EXPECT_FALSE(b->accounts().login(QStringLiteral("小周"), QStringLiteral("zhou-pass-1")).ok());
}

TEST_F(Console, APermissionTreeOfferOnlyWhatTheEditorHolds)
{
    ASSERT_TRUE(b->roles()
                    .create(b.owner(), QStringLiteral("组长"),
                            {auth::Permission::RoleManage, auth::Permission::ChatRead, auth::Permission::ChatReply})
                    .ok());
    auto lead = b.account(QStringLiteral("组长甲"), {QStringLiteral("组长")});
    openAs(lead);
    ConsoleWindow console(*context);
    auto* page = qobject_cast<RolesPage*>(console.page(Page::Roles));
    ASSERT_TRUE(page);
    // 新建角色 stores nothing: a new role starts empty (or from a template) and is created on 保存.
    ASSERT_TRUE(page->startNewRole(QStringLiteral("新人组")).ok()) << page->messageLabel()->text().toStdString();
    EXPECT_FALSE(b->roles().show(b.owner(), QStringLiteral("新人组")).ok()) << "not stored before saving";
    EXPECT_TRUE(page->checked().empty()) << "a new role starts empty";
    QTreeWidgetItem* reply = page->permissionItem(auth::Permission::ChatReply);
    QTreeWidgetItem* agree = page->permissionItem(auth::Permission::RefundAgree);
    reply->setCheckState(0, Qt::Checked);
    page->permissionItem(auth::Permission::ChatRead)->setCheckState(0, Qt::Checked);
    ASSERT_TRUE(await(page->save()).ok()) << page->messageLabel()->text().toStdString();
    auto created = b->roles().show(b.owner(), QStringLiteral("新人组"));
    ASSERT_TRUE(created.ok());
    EXPECT_EQ(created->permissions, (auth::PermissionSet{auth::Permission::ChatRead, auth::Permission::ChatReply}))
        << "exactly what was ticked";
    EXPECT_FALSE(page->hasUnsavedRole());
    // From a template: only what the editor may grant comes along.
    ASSERT_TRUE(page->startNewRole(QStringLiteral("售前模板"), QStringLiteral("presales")).ok());
    EXPECT_FALSE(page->checked().contains(auth::Permission::RefundAgree));
    EXPECT_TRUE(page->checked().contains(auth::Permission::ChatReply));
    EXPECT_FALSE(page->startNewRole(QStringLiteral("新人组")).ok()) << "a name in use";
    for (int i = 0; i < page->roleList()->count(); ++i) {
        if (page->roleList()->item(i)->data(Qt::UserRole).toString() == u"新人组") {
            page->roleList()->setCurrentRow(i);
        }
    }
    reply->setCheckState(0, Qt::Unchecked);
    ASSERT_TRUE(await(page->save()).ok());
    EXPECT_FALSE(
        b->roles().show(b.owner(), QStringLiteral("新人组"))->permissions.contains(auth::Permission::ChatReply));
    EXPECT_TRUE(reply->flags() & Qt::ItemIsUserCheckable);
    EXPECT_FALSE(agree->flags() & Qt::ItemIsEnabled) << "a permission the editor lacks cannot be ticked";
    reply->setCheckState(0, Qt::Checked);
    ASSERT_TRUE(await(page->save()).ok());
    EXPECT_TRUE(
        b->roles().show(b.owner(), QStringLiteral("新人组"))->permissions.contains(auth::Permission::ChatReply));
    // Forcing the tree does not get past the service.
    agree->setCheckState(0, Qt::Checked);
    EXPECT_EQ(await(page->save()).error().code, ErrorCode::NotAllowed);
    EXPECT_FALSE(
        b->roles().show(b.owner(), QStringLiteral("新人组"))->permissions.contains(auth::Permission::RefundAgree));
    // Built-in roles are read-only.
    for (int i = 0; i < page->roleList()->count(); ++i) {
        if (page->roleList()->item(i)->data(Qt::UserRole).toString() == u"trainee") {
            page->roleList()->setCurrentRow(i);
        }
    }
    EXPECT_FALSE(reply->flags() & Qt::ItemIsUserCheckable);
}

TEST_F(Console, RoutingIsSavedAndEffectiveAtOnce)
{
    openAs(b.owner());
    ConsoleWindow console(*context);
    auto* page = qobject_cast<RoutingPage*>(console.page(Page::Routing));
    ASSERT_TRUE(page);
    page->sessionEndBox()->setValue(15);
    page->repeatEntryBox()->setValue(0);
    ASSERT_TRUE(await(page->save()).ok()) << page->messageLabel()->text().toStdString();
    auto config = b->routing().load();
    ASSERT_TRUE(config.ok());
    EXPECT_EQ(config->settings.sessionEndMinutes, 15);
    EXPECT_EQ(config->settings.repeatEntryMinutes, 0);
    EXPECT_GE(queryInt(b.path(), "SELECT count(*) FROM audit WHERE action LIKE 'routing.%'"), 1);
}

TEST_F(Console, PerformanceTableCsvAuditAndQueue)
{
    auto mei = b.account(QStringLiteral("小美"), {QStringLiteral("presales")});
    openAs(b.owner(), 2, 20);
    advance(1800);
    ConsoleWindow console(*context);

    auto* perf = qobject_cast<PerformancePage*>(console.page(Page::Performance));
    ASSERT_TRUE(perf);
    const QDate day = QDateTime::fromMSecsSinceEpoch(b.clock().now().ms()).date();
    perf->setRange(day.addDays(-1), day.addDays(1));
    ASSERT_TRUE(await(perf->run()).ok()) << perf->messageLabel()->text().toStdString();
    EXPECT_GT(perf->table()->rowCount(), 0) << "the colleague bots answered buyers";
    EXPECT_EQ(perf->table()->rowCount(), static_cast<int>(perf->report().agents.size()));
    // Money in yuan with one sign; the rate in percent; charts name every agent and hour whole.
    for (int r = 0; r < perf->table()->rowCount(); ++r) {
        const QString sales = perf->table()->item(r, PerformancePage::kSalesColumn)->text();
        EXPECT_TRUE(sales.startsWith(QStringLiteral("¥")) && !sales.startsWith(QStringLiteral("¥¥")))
            << sales.toStdString();
        EXPECT_TRUE(perf->table()->item(r, PerformancePage::kConversionColumn)->text().endsWith(u'%'));
    }
    console.resize(1100, 720);
    console.showPage(Page::Performance);
    console.show();
    QTest::qWait(100);
    for (QWidget* chartWidget : {perf->responseChart(), perf->hourChart()}) {
        auto* view = qobject_cast<QChartView*>(chartWidget);
        ASSERT_TRUE(view);
        view->grab();
        for (QAbstractAxis* axis : view->chart()->axes(Qt::Horizontal)) {
            EXPECT_FALSE(axis->labelsTruncated()) << "labels cut to …";
        }
    }
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("p.csv"));
    ASSERT_TRUE(perf->exportCsv(csv).ok());
    QFile f(csv);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    EXPECT_TRUE(bytes.startsWith("\xEF\xBB\xBF"
                                 "agent,conversations,"))
        << "a BOM so that Excel reads UTF-8";
    EXPECT_EQ(bytes.count('\n'), perf->table()->rowCount() + 1);

    auto* audit = qobject_cast<AuditPage*>(console.page(Page::Audit));
    ASSERT_TRUE(audit);
    EXPECT_GT(audit->model()->rowCount(), 0);
    EXPECT_TRUE(await(audit->verify()));
    EXPECT_TRUE(audit->chainLabel()->text().contains(QStringLiteral("intact")));

    auto* queue = qobject_cast<QueuePage*>(console.page(Page::Queue));
    ASSERT_TRUE(queue);
    ASSERT_TRUE(queue->reload());
    auto open = b->store().workbench().openSessions(Timestamp::fromMs(0));
    ASSERT_TRUE(open.ok());
    int queued = 0;
    for (const ConversationSummary& s : *open) {
        queued += s.state == ConversationSummary::State::Queued ? 1 : 0;
    }
    EXPECT_EQ(queue->queueModel()->rowCount(), queued);
    for (int r = 0; r < queue->queueModel()->rowCount(); ++r) {
        EXPECT_FALSE(queue->queueModel()->text(r, 1).isEmpty()) << "each waiting buyer's group";
        EXPECT_FALSE(queue->queueModel()->text(r, 3).isEmpty()) << "and why they wait";
        EXPECT_NE(queue->queueModel()->text(r, 1), QStringLiteral("presales")) << "by its name, not its key";
    }
    EXPECT_EQ(queue->sessionModel()->rowCount(), static_cast<int>(open->size()) - queued);
    EXPECT_GE(queue->agentModel()->rowCount(), 2) << "the configured accounts and the bots holding chats";
    settle(); // the platform's answer with everyone's status
    bool botOnline = false;
    for (int r = 0; r < queue->agentModel()->rowCount(); ++r) {
        if (queue->agentModel()->text(r, 0).startsWith(QStringLiteral("客服")) &&
            queue->agentModel()->text(r, 2) == u"online") {
            botOnline = true;
        }
    }
    EXPECT_TRUE(botOnline) << "statuses come from the platform's routing";
    Q_UNUSED(mei)
}

TEST_F(Console, PhraseLibraryImportsWithAPreviewAndMarksDuplicates)
{
    openAs(b.owner());
    ConsoleWindow console(*context);
    auto* page = qobject_cast<PhraseLibraryPage*>(console.page(Page::Phrases));
    ASSERT_TRUE(page);
    const QByteArray bad("问候,hi,亲在的\n只有两列\n");
    PhraseImportPreview badPreview(phrasecsv::read(bad));
    EXPECT_FALSE(badPreview.importButton()->isEnabled()) << "bad lines: nothing may be imported";
    EXPECT_FALSE(await(page->importCsv(bad)).ok());
    EXPECT_EQ(page->table()->rowCount(), 0);

    const QByteArray good("问候,hi,亲，在的\n问候,zai,亲，在的\n发货,fh,今天发货\n");
    PhraseImportPreview preview(phrasecsv::read(good));
    EXPECT_TRUE(preview.importButton()->isEnabled());
    EXPECT_EQ(preview.table()->rowCount(), 3);
    ASSERT_TRUE(await(page->importCsv(good)).ok()) << page->messageLabel()->text().toStdString();
    EXPECT_EQ(page->table()->rowCount(), 3);
    EXPECT_EQ(page->duplicateRows(), 2) << "hi and zai say the same";
    // Rows are by group (发货 before 问候), then order: fh, hi, zai. zai moves above hi.
    ASSERT_EQ(page->table()->item(2, 1)->text(), QStringLiteral("zai"));
    ASSERT_TRUE(await(page->move(2, -1)).ok());
    EXPECT_EQ(page->table()->item(1, 1)->text(), QStringLiteral("zai"));
    EXPECT_EQ(page->table()->item(2, 1)->text(), QStringLiteral("hi"));
}

} // namespace
} // namespace shopdesk::test
