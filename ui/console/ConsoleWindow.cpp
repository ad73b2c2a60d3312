#include "console/ConsoleWindow.h"

#include "console/AccountsPage.h"
#include "console/AuditPage.h"
#include "console/PerformancePage.h"
#include "console/PhraseLibraryPage.h"
#include "console/QueuePage.h"
#include "console/RolesPage.h"
#include "console/RoutingPage.h"

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
    for (Page p :
         {Page::Accounts, Page::Roles, Page::Routing, Page::Queue, Page::Phrases, Page::Performance, Page::Audit}) {
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
    resize(1100, 720);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    // A page whose permission is taken away goes at once; one granted appears.
    connect(&context.session, &session::ShopSession::authorityChanged, this, &ConsoleWindow::syncPages);
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
        if (std::find(allowed.begin(), allowed.end(), it->first) == allowed.end()) {
            m_tabs->removeTab(m_tabs->indexOf(it->second));
            it->second->deleteLater();
            it = m_pages.erase(it);
        } else {
            ++it;
        }
    }
    for (Page p : allowed) {
        if (!page(p)) {
            QWidget* w = makePage(p);
            m_tabs->addTab(w, title(p));
            m_pages.emplace_back(p, w);
        }
    }
}

QWidget* ConsoleWindow::page(Page p) const
{
    for (const auto& [page, w] : m_pages) {
        if (page == p) {
            return w;
        }
    }
    return nullptr;
}

void ConsoleWindow::showPage(Page p)
{
    if (QWidget* w = page(p)) {
        m_tabs->setCurrentWidget(w);
    }
}

} // namespace shopdesk::ui
