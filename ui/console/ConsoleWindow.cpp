#include "console/ConsoleWindow.h"

#include "common/Format.h"

#include "console/AccountsPage.h"
#include "console/AuditPage.h"
#include "console/PerformancePage.h"
#include "console/PhraseLibraryPage.h"
#include "console/QueuePage.h"
#include "console/RolesPage.h"
#include "console/RoutingPage.h"
#include "console/ShopTextsPage.h"

#include <QTabWidget>

#include <QVBoxLayout>
#include <algorithm>

namespace shopdesk::ui {

namespace {

auth::Permission permissionOf(ConsoleWindow::Page p)
{
    using P = auth::Permission;
    switch (p) {
    case ConsoleWindow::Page::Accounts:
        return P::AccountManage;
    case ConsoleWindow::Page::Roles:
        return P::RoleManage;
    case ConsoleWindow::Page::Routing:
        return P::RoutingConfigure;
    case ConsoleWindow::Page::Queue:
        return P::QueueMonitor;
    case ConsoleWindow::Page::Phrases:
    case ConsoleWindow::Page::Texts:
        return P::QuickReplyTeamManage;
    case ConsoleWindow::Page::Performance:
        return P::TeamPerformanceView;
    case ConsoleWindow::Page::Audit:
        return P::AuditView;
    }
    return P::AuditView;
}

} // namespace

std::vector<ConsoleWindow::Page> ConsoleWindow::pagesFor(const session::ShopSession& session)
{
    std::vector<Page> out;
    for (Page p : {Page::Accounts, Page::Roles, Page::Routing, Page::Queue, Page::Phrases, Page::Texts,
                   Page::Performance, Page::Audit}) {
        if (session.can(permissionOf(p))) {
            out.push_back(p);
        }
    }
    return out;
}

QString ConsoleWindow::title(Page page)
{
    switch (page) {
    case Page::Accounts:
        return tr("Sub-accounts");
    case Page::Roles:
        return tr("Roles");
    case Page::Routing:
        return tr("Routing");
    case Page::Queue:
        return tr("Live queue");
    case Page::Phrases:
        return tr("Phrase library");
    case Page::Texts:
        return tr("Shop texts");
    case Page::Performance:
        return tr("Performance");
    case Page::Audit:
        return tr("Audit");
    }
    return {};
}

ConsoleWindow::ConsoleWindow(WorkbenchContext& context, QWidget* parent)
    : QDialog(parent)
    , m_context(context)
    , m_tabs(new QTabWidget(this))
{
    setWindowTitle(tr("ShopDesk — management"));
    format::setZone(context.session.shop().timeZone);
    resize(1100, 720);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    // A page whose permission is taken away goes at once; one granted appears.
    connect(&context.session, &session::ShopSession::authorityChanged, this, &ConsoleWindow::syncPages);
    // The team changed elsewhere (another supervisor's desk, shopdeskctl): the accounts list
    // follows by rows, keeping the selection. Pages with a form being edited (roles, routing) are
    // left as they are until the supervisor reloads them.
    connect(&context.session, &session::ShopSession::teamChanged, this, [this] {
        for (Slot& slot : m_pages) {
            if (auto* accounts = qobject_cast<AccountsPage*>(slot.built)) {
                accounts->reload();
            }
        }
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        for (Slot& slot : m_pages) {
            if (slot.holder == m_tabs->widget(index) && isVisible()) {
                build(slot);
            }
        }
    });
    syncPages();
}

QWidget* ConsoleWindow::makePage(Page p)
{
    WorkbenchContext& context = m_context;
    QWidget* w = nullptr;
    {
        switch (p) {
        case Page::Accounts:
            w = new AccountsPage(context, this);
            break;
        case Page::Roles:
            w = new RolesPage(context, this);
            break;
        case Page::Routing:
            w = new RoutingPage(context, this);
            break;
        case Page::Queue:
            w = new QueuePage(context, this);
            break;
        case Page::Phrases:
            w = new PhraseLibraryPage(context, this);
            break;
        case Page::Texts:
            w = new ShopTextsPage(context, this);
            break;
        case Page::Performance:
            w = new PerformancePage(context, this);
            break;
        case Page::Audit:
            w = new AuditPage(context, this);
            break;
        }
    }
    return w;
}

void ConsoleWindow::syncPages()
{
    const std::vector<Page> allowed = pagesFor(m_context.session);
    for (auto it = m_pages.begin(); it != m_pages.end();) {
        if (std::find(allowed.begin(), allowed.end(), it->page) == allowed.end()) {
            m_tabs->removeTab(m_tabs->indexOf(it->holder));
            it->holder->deleteLater();
            it = m_pages.erase(it);
        } else {
            ++it;
        }
    }
    for (Page p : allowed) {
        const bool present =
            std::any_of(m_pages.begin(), m_pages.end(), [p](const Slot& slot) { return slot.page == p; });
        if (!present) {
            // An empty tab until it is opened: no page reads the store (or runs a report) unseen.
            auto* holder = new QWidget(this);
            auto* layout = new QVBoxLayout(holder);
            layout->setContentsMargins(0, 0, 0, 0);
            m_tabs->addTab(holder, title(p));
            m_pages.push_back({p, holder, nullptr});
        }
    }
    if (QWidget* current = m_tabs->currentWidget(); current && isVisible()) {
        for (Slot& slot : m_pages) {
            if (slot.holder == current) {
                build(slot);
            }
        }
    }
}

void ConsoleWindow::showEvent(QShowEvent* event)
{
    QDialog::showEvent(event);
    for (Slot& slot : m_pages) {
        if (slot.holder == m_tabs->currentWidget()) {
            build(slot);
        }
    }
}

QWidget* ConsoleWindow::build(Slot& slot)
{
    if (!slot.built) {
        slot.built = makePage(slot.page);
        slot.built->setParent(slot.holder);
        slot.holder->layout()->addWidget(slot.built);
    }
    return slot.built;
}

QWidget* ConsoleWindow::page(Page p)
{
    for (Slot& slot : m_pages) {
        if (slot.page == p) {
            return build(slot);
        }
    }
    return nullptr;
}

bool ConsoleWindow::built(Page p) const
{
    return std::any_of(m_pages.begin(), m_pages.end(), [p](const Slot& slot) { return slot.page == p && slot.built; });
}

void ConsoleWindow::showPage(Page p)
{
    for (Slot& slot : m_pages) {
        if (slot.page == p) {
            build(slot);
            m_tabs->setCurrentWidget(slot.holder);
        }
    }
}

} // namespace shopdesk::ui
