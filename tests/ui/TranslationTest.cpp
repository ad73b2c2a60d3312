// Simplified Chinese is the default language: the built-in catalogue loads and covers the
// workbench and the services' messages; nothing in the catalogue is left untranslated.

#include "common/Language.h"
#include "side/SidePanel.h"

#include <QDialogButtonBox>
#include <QPushButton>

#include <QCoreApplication>
#include <QFile>
#include <QTranslator>

#include <gtest/gtest.h>

TEST(Translation, TheChineseCatalogueIsBuiltInAndComplete)
{
    QTranslator zh;
    ASSERT_TRUE(zh.load(QStringLiteral(":/i18n/shopdesk_zh_CN.qm")));
    ASSERT_TRUE(QCoreApplication::installTranslator(&zh));
    EXPECT_EQ(QCoreApplication::translate("shopdesk::ui::SidePanel", "Orders"), QStringLiteral("订单"));
    EXPECT_EQ(QCoreApplication::translate("shopdesk::ui::ConversationListModel", "Serving (%1)"),
              QStringLiteral("接待中（%1）"));
    // The left column's tab, not the performance table's column of counts.
    EXPECT_EQ(QCoreApplication::translate("shopdesk::ui::MainWindow", "Chats"), QStringLiteral("会话"));
    EXPECT_EQ(QCoreApplication::translate("shopdesk::ui::PerformancePage", "Conversations"), QStringLiteral("会话数"));
    // Service messages shown in the UI use the same catalogue.
    EXPECT_EQ(QCoreApplication::translate("shopdesk::OrderActionService", "There is no order %1."),
              QStringLiteral("没有订单 %1。"));
    EXPECT_EQ(QCoreApplication::translate("AccountService", "Wrong account name or password."),
              QStringLiteral("账号或密码错误。"));
    QCoreApplication::removeTranslator(&zh);

    QFile ts(QStringLiteral(SHOPDESK_SOURCE_DIR "/ui/i18n/shopdesk_zh_CN.ts"));
    ASSERT_TRUE(ts.open(QIODevice::ReadOnly));
    const QByteArray text = ts.readAll();
    EXPECT_GT(text.count("<translation>"), 200);
    EXPECT_EQ(text.count("type=\"unfinished\""), 0) << "run scripts/translate-ts.py after adding strings";
}

TEST(Translation, QtsOwnButtonsAreChineseToo)
{
    // The workbench's own language switch, as main() installs it.
    shopdesk::ui::installLanguage(*QCoreApplication::instance(), QStringLiteral("zh_CN"));
    QDialogButtonBox box(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    EXPECT_EQ(box.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("取消"));
    EXPECT_EQ(QCoreApplication::translate("QPlatformTheme", "OK"), QStringLiteral("确定"));
    for (QTranslator* t : QCoreApplication::instance()->findChildren<QTranslator*>()) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
    shopdesk::ui::installLanguage(*QCoreApplication::instance(), QStringLiteral("en"));
    QDialogButtonBox english(QDialogButtonBox::Cancel);
    EXPECT_EQ(english.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Cancel"));
}
