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
    enum class Page { Accounts, Roles, Routing, Queue, Phrases, Texts, Performance, Audit };

    ConsoleWindow(WorkbenchContext& context, QWidget* parent = nullptr);

    /// The pages the session's account may open now, in menu order.
    static std::vector<Page> pagesFor(const session::ShopSession& session);
    static QString title(Page page);
    void showPage(Page page);
    /// The page (built now if it was not opened yet), or null without its permission.
    QWidget* page(Page page);
    /// Whether the page was built (a page reads nothing before it is first opened).
    bool built(Page page) const;
    QTabWidget* tabs() const { return m_tabs; }

protected:
    void showEvent(QShowEvent* event) override;

private:
    struct Slot {
        Page page;
        QWidget* holder; ///< the tab
        QWidget* built;  ///< the page inside it, once opened
    };
    QWidget* makePage(Page page);
    void syncPages();
    QWidget* build(Slot& slot);

    WorkbenchContext& m_context;
    QTabWidget* m_tabs;
    std::vector<Slot> m_pages;
};

} // namespace shopdesk::ui
