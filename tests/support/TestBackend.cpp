#include "support/TestBackend.h"

#include "services/accounts/AccountService.h"

#include <gtest/gtest.h>

namespace shopdesk::test {

TestBackend::TestBackend()
    : TestBackend(fastParams())
{
}

TestBackend::TestBackend(const crypto::PasswordHasher::Params& params)
    : m_clock(Timestamp::fromSecs(1'794'326'400))
    , m_params(params)
{
    auto opened = Backend::open(options(true));
    if (!opened) {
        ADD_FAILURE() << opened.error().message.toStdString();
        return;
    }
    m_backend = std::move(*opened);
    Shop shop;
    shop.name = QStringLiteral("测试旗舰店");
    Status st = m_backend->initialise(shop, QStringLiteral("店长"), QString::fromLatin1(kOwnerPassword));
    EXPECT_TRUE(st.ok()) << (st.ok() ? "" : st.error().message.toStdString());
}

Backend::Options TestBackend::options(bool create) const
{
    Backend::Options o;
    o.databasePath = path();
    o.create = create;
    o.clock = &m_clock;
    o.keyStores.push_back(std::make_unique<crypto::FileKeyStore>(keyDir()));
    o.passwordParams = m_params;
    return o;
}

void TestBackend::reopen(const crypto::PasswordHasher::Params& params)
{
    m_backend.reset();
    m_params = params;
    auto opened = Backend::open(options(false));
    ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
    m_backend = std::move(*opened);
}

auth::Actor TestBackend::owner()
{
    auto s = m_backend->accounts().login(QStringLiteral("店长"), QString::fromLatin1(kOwnerPassword));
    EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().message.toStdString());
    return s.ok() ? *s : auth::Actor();
}

auth::Actor TestBackend::account(const QString& name, const QStringList& roles, const QString& password)
{
    auto created = m_backend->accounts().create(owner(), {name, password, roles, {}, std::nullopt});
    EXPECT_TRUE(created.ok()) << (created.ok() ? "" : created.error().message.toStdString());
    auto s = m_backend->accounts().login(name, password);
    EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().message.toStdString());
    return s.ok() ? *s : auth::Actor();
}

} // namespace shopdesk::test
