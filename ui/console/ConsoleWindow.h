#pragma once

#include "workbench/WorkbenchContext.h"

#include <QDialog>

class QTabWidget;

namespace shopdesk::ui {

/// 管理: the supervisor's pages, each present only with its permission (the services check
/// again): 子账号, 角色, 分流, 队列, 快捷短语库, 绩效, 审计.
class ConsoleWindow : public QDialog {
    Q_OBJECT
public:
    enum class Page { Accounts, Roles, Routing, Queue, Phrases, Performance, Audit };

    ConsoleWindow(WorkbenchContext& context, QWidget* parent = nullptr);

    /// The pages the session's account may open now, in menu order.
    static std::vector<Page> pagesFor(const session::ShopSession& session);
    static QString title(Page page);
    void showPage(Page page);
    QWidget* page(Page page) const;
    QTabWidget* tabs() const { return m_tabs; }

private:
    QWidget* makePage(Page page);
    void syncPages();

    WorkbenchContext& m_context;
    QTabWidget* m_tabs;
    std::vector<std::pair<Page, QWidget*>> m_pages;
};

} // namespace shopdesk::ui
