// The login dialog: clear sentences for wrong passwords, lockouts and disabled accounts; the last
// account name remembered (never the password); a reset password changed before entering.

#include "login/LoginDialog.h"
#include "login/ChangePasswordDialog.h"
#include "services/accounts/AccountService.h"

#include "support/TestBackend.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QTest>
#include <QTimer>

#include <gtest/gtest.h>

namespace shopdesk::test {
namespace {

class Login : public ::testing::Test {
protected:
    void SetUp() override
    {
        QSettings().remove(ui::LoginDialog::lastAccountKey());
        mei = b.account(QStringLiteral("小美"), {QStringLiteral("presales")}, QStringLiteral("mei-pass-1"));
    }
    void attempt(ui::LoginDialog& d, const QString& name, const QString& password)
    {
        d.show();
        d.accountEdit()->setText(name);
        d.passwordEdit()->setText(password);
        QTest::keyClick(d.passwordEdit(), Qt::Key_Return);
    }
    TestBackend b;
    auth::Actor mei;
};

TEST_F(Login, WrongPasswordIsSaidAndThePasswordFieldCleared)
{
    ui::LoginDialog d(b->accounts(), QStringLiteral("果果旗舰店"));
    attempt(d, QStringLiteral("小美"), QStringLiteral("nope-nope"));
    EXPECT_EQ(d.result(), QDialog::Rejected);
    EXPECT_TRUE(d.messageLabel()->text().contains(QStringLiteral("Wrong"))) << d.messageLabel()->text().toStdString();
    EXPECT_TRUE(d.passwordEdit()->text().isEmpty());
    attempt(d, QStringLiteral("小美"), QStringLiteral("mei-pass-1"));
    EXPECT_EQ(d.result(), QDialog::Accepted);
    EXPECT_EQ(d.session().actor.name, QStringLiteral("小美"));
    ui::LoginDialog again(b->accounts(), QStringLiteral("果果旗舰店"));
    EXPECT_EQ(again.accountEdit()->text(), QStringLiteral("小美")) << "the account name is remembered";
    EXPECT_TRUE(again.passwordEdit()->text().isEmpty());
    EXPECT_FALSE(
        QSettings().allKeys().join(QLatin1Char(' ')).contains(QStringLiteral("password"), Qt::CaseInsensitive));
}

TEST_F(Login, LockoutSaysHowLongAndDisabledAccountsAreNamed)
{
    ASSERT_TRUE(b->accounts().setLoginPolicy(b.owner(), {2, 15}).ok());
    ui::LoginDialog d(b->accounts(), QStringLiteral("果果旗舰店"));
    attempt(d, QStringLiteral("小美"), QStringLiteral("bad-1-bad"));
    attempt(d, QStringLiteral("小美"), QStringLiteral("bad-2-bad"));
    EXPECT_TRUE(d.messageLabel()->text().contains(QStringLiteral("locked for 15 minute")))
        << d.messageLabel()->text().toStdString();
    attempt(d, QStringLiteral("小美"), QStringLiteral("mei-pass-1"));
    EXPECT_TRUE(d.messageLabel()->text().contains(QStringLiteral("Try again in 15 minute")));
    EXPECT_EQ(d.result(), QDialog::Rejected);

    auto lin = b.account(QStringLiteral("小林"), {QStringLiteral("trainee")}, QStringLiteral("lin-pass-1"));
    ASSERT_TRUE(b->accounts().setDisabled(b.owner(), QStringLiteral("小林"), true).ok());
    attempt(d, QStringLiteral("小林"), QStringLiteral("lin-pass-1"));
    EXPECT_TRUE(d.messageLabel()->text().contains(QStringLiteral("disabled")));
}

TEST_F(Login, AResetPasswordIsChangedTypedTwiceBeforeEntering)
{
    ASSERT_TRUE(b->accounts().resetPassword(b.owner(), QStringLiteral("小美"), QStringLiteral("temp-pass-1")).ok());
    ui::LoginDialog d(b->accounts(), QStringLiteral("果果旗舰店"));
    int round = 0;
    std::function<void()> answer = [&] {
        auto* dialog = qobject_cast<ui::ChangePasswordDialog*>(QApplication::activeModalWidget());
        if (!dialog) {
            QTimer::singleShot(10, answer);
            return;
        }
        if (round++ == 0) {
            // Two different passwords: refused in the dialog itself.
            dialog->firstEdit()->setText(QStringLiteral("new-pass-1"));
            dialog->secondEdit()->setText(QStringLiteral("new-pass-2"));
            QTest::keyClick(dialog->secondEdit(), Qt::Key_Return);
            EXPECT_TRUE(dialog->isVisible());
            dialog->secondEdit()->setText(QStringLiteral("new-pass-1"));
            QTest::keyClick(dialog->secondEdit(), Qt::Key_Return);
        }
    };
    QTimer::singleShot(10, answer);
    attempt(d, QStringLiteral("小美"), QStringLiteral("temp-pass-1"));
    EXPECT_EQ(d.result(), QDialog::Accepted);
    EXPECT_FALSE(d.session().mustChangePassword);
    EXPECT_TRUE(b->accounts().login(QStringLiteral("小美"), QStringLiteral("new-pass-1")).ok());
}

} // namespace
} // namespace shopdesk::test
