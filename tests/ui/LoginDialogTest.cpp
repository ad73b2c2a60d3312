// The login dialog: one sentence for every refusal (and nothing that tells which names exist), the
// password checked off the UI thread, the last account name remembered (never the password), a
// reset password changed before entering.

#include "login/LoginDialog.h"
#include "login/ChangePasswordDialog.h"
#include "services/accounts/AccountService.h"

#include "support/TestBackend.h"
#include "support/TestSession.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTest>

#include <gtest/gtest.h>

namespace shopdesk::test {
namespace {

class Login : public ::testing::Test {
protected:
    void SetUp() override
    {
        QSettings().remove(ui::LoginDialog::lastAccountKey());
        QSettings().remove(ui::LoginDialog::lastServerKey());
        mei = b.account(QStringLiteral("小美"), {QStringLiteral("presales")}, QStringLiteral("mei-pass-1"));
        shop = std::make_unique<TestShop>(b);
    }
    ui::LoginDialog::Login loginFn()
    {
        return [this](const QString& name, const QString& password, const QString&) {
            return (*shop)->login(name, password);
        };
    }
    /// Types and presses Enter, then waits for the answer (the check runs off the UI thread).
    void attempt(ui::LoginDialog& d, const QString& name, const QString& password)
    {
        d.show();
        d.accountEdit()->setText(name);
        d.passwordEdit()->setText(password);
        QTest::keyClick(d.passwordEdit(), Qt::Key_Return);
        QDeadlineTimer deadline(10'000);
        do {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        } while (!d.loginButton()->isEnabled() && !deadline.hasExpired());
        settle(3);
    }
    TestBackend b;
    auth::Actor mei;
    std::unique_ptr<TestShop> shop;
};

TEST_F(Login, WrongPasswordIsSaidAndThePasswordFieldCleared)
{
    ui::LoginDialog d(loginFn(), QStringLiteral("果果旗舰店"));
    attempt(d, QStringLiteral("小美"), QStringLiteral("nope-nope"));
    EXPECT_EQ(d.result(), QDialog::Rejected);
    EXPECT_TRUE(d.messageLabel()->text().contains(QStringLiteral("Wrong"))) << d.messageLabel()->text().toStdString();
    EXPECT_TRUE(d.passwordEdit()->text().isEmpty());
    attempt(d, QStringLiteral("小美"), QStringLiteral("mei-pass-1"));
    EXPECT_EQ(d.result(), QDialog::Accepted);
    ASSERT_TRUE(d.session());
    EXPECT_EQ(d.session()->me().name, QStringLiteral("小美"));
    ui::LoginDialog again(loginFn(), QStringLiteral("果果旗舰店"));
    EXPECT_EQ(again.accountEdit()->text(), QStringLiteral("小美")) << "the account name is remembered";
    EXPECT_TRUE(again.passwordEdit()->text().isEmpty());
    EXPECT_FALSE(
        QSettings().allKeys().join(QLatin1Char(' ')).contains(QStringLiteral("password"), Qt::CaseInsensitive));
}

TEST_F(Login, ALockOrADisableIsNamedOnlyToWhoeverTypedThePassword)
{
    ASSERT_TRUE(b->accounts().setLoginPolicy(b.owner(), {2, 15}).ok());
    ui::LoginDialog d(loginFn(), QStringLiteral("果果旗舰店"));
    attempt(d, QStringLiteral("小美"), QStringLiteral("bad-1-bad"));
    const QString wrong = d.messageLabel()->text();
    attempt(d, QStringLiteral("小美"), QStringLiteral("bad-2-bad"));
    EXPECT_EQ(d.messageLabel()->text(), wrong) << "the lock engaged, but a wrong password learns nothing of it";
    attempt(d, QStringLiteral("小美"), QStringLiteral("bad-3-bad"));
    EXPECT_EQ(d.messageLabel()->text(), wrong);
    attempt(d, QStringLiteral("小美"), QStringLiteral("mei-pass-1"));
    EXPECT_TRUE(d.messageLabel()->text().contains(QStringLiteral("Try again in 15 minute")))
        << d.messageLabel()->text().toStdString();
    EXPECT_EQ(d.result(), QDialog::Rejected);

    b.account(QStringLiteral("小林"), {QStringLiteral("trainee")}, QStringLiteral("lin-pass-1"));
    ASSERT_TRUE(b->accounts().setDisabled(b.owner(), QStringLiteral("小林"), true).ok());
    attempt(d, QStringLiteral("小林"), QStringLiteral("not-his-1"));
    EXPECT_EQ(d.messageLabel()->text(), wrong);
    attempt(d, QStringLiteral("小林"), QStringLiteral("lin-pass-1"));
    EXPECT_TRUE(d.messageLabel()->text().contains(QStringLiteral("disabled")));
    attempt(d, QStringLiteral("nobody-at-all"), QStringLiteral("whatever-1"));
    EXPECT_EQ(d.messageLabel()->text(), wrong) << "an unknown name reads like a wrong password";
}

TEST_F(Login, AResetPasswordIsChangedTypedTwiceBeforeEntering)
{
    ASSERT_TRUE(b->accounts().resetPassword(b.owner(), QStringLiteral("小美"), QStringLiteral("temp-pass-1")).ok());
    ui::LoginDialog d(loginFn(), QStringLiteral("果果旗舰店"));
    attempt(d, QStringLiteral("小美"), QStringLiteral("temp-pass-1"));
    EXPECT_NE(d.result(), QDialog::Accepted) << "not before the new password";
    auto* dialog = d.findChild<ui::ChangePasswordDialog*>();
    ASSERT_TRUE(dialog);
    // Two different passwords: refused in the dialog itself.
    dialog->firstEdit()->setText(QStringLiteral("new-pass-1"));
    dialog->secondEdit()->setText(QStringLiteral("new-pass-2"));
    QTest::keyClick(dialog->secondEdit(), Qt::Key_Return);
    EXPECT_TRUE(dialog->isVisible());
    dialog->secondEdit()->setText(QStringLiteral("new-pass-1"));
    QTest::keyClick(dialog->secondEdit(), Qt::Key_Return);
    QDeadlineTimer deadline(10'000);
    while (d.result() != QDialog::Accepted && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    EXPECT_EQ(d.result(), QDialog::Accepted);
    ASSERT_TRUE(d.session());
    settle();
    EXPECT_TRUE(b->accounts().login(QStringLiteral("小美"), QStringLiteral("new-pass-1")).ok());
}

} // namespace
} // namespace shopdesk::test
