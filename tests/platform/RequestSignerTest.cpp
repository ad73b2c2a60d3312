#include "support/QtPrinters.h"

#include "platform/signing/RequestSigner.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

namespace shopdesk::platform::signing {
namespace {

Params topExample1(const QString& signMethod)
{
    return {{QStringLiteral("app_key"), QStringLiteral("12345678")},
            {QStringLiteral("fields"), QStringLiteral("num_iid,title,nick,price,num")},
            {QStringLiteral("format"), QStringLiteral("json")},
            {QStringLiteral("method"), QStringLiteral("taobao.item.seller.get")},
            {QStringLiteral("num_iid"), QStringLiteral("11223344")},
            {QStringLiteral("session"), QStringLiteral("test")},
            {QStringLiteral("sign_method"), signMethod},
            {QStringLiteral("timestamp"), QStringLiteral("2016-01-01 12:00:00")},
            {QStringLiteral("v"), QStringLiteral("2.0")}};
}

// Published by Taobao's open platform documentation (签名算法).
TEST(RequestSigner, TopMd5PublishedExampleOne)
{
    EXPECT_EQ(signTop("helloworld", topExample1(QStringLiteral("md5")), TopMethod::Md5),
              QByteArray("66987CB115214E59E6EC978214934FB8"));
}

TEST(RequestSigner, TopMd5PublishedExampleTwo)
{
    const Params p{{QStringLiteral("app_key"), QStringLiteral("test")},
                   {QStringLiteral("fields"), QStringLiteral("nick")},
                   {QStringLiteral("format"), QStringLiteral("xml")},
                   {QStringLiteral("method"), QStringLiteral("taobao.user.seller.get")},
                   {QStringLiteral("session"), QStringLiteral("test")},
                   {QStringLiteral("sign_method"), QStringLiteral("md5")},
                   {QStringLiteral("timestamp"), QStringLiteral("2013-05-06 13:52:03")},
                   {QStringLiteral("v"), QStringLiteral("2.0")}};
    EXPECT_EQ(signTop("test", p, TopMethod::Md5), QByteArray("72CB4D809B375A54502C09360D879C64"));
}

// No published vectors exist for TOP's hmac variants; these were computed independently (Python's
// hmac module over the same concatenation) and pin the algorithm.
TEST(RequestSigner, TopHmacVariants)
{
    EXPECT_EQ(signTop("helloworld", topExample1(QStringLiteral("hmac")), TopMethod::Hmac),
              QByteArray("D56D7858309C31B6251083A874D48273"));
    EXPECT_EQ(signTop("helloworld", topExample1(QStringLiteral("hmac-sha256")), TopMethod::HmacSha256),
              QByteArray("04DB15AD0774D5CFCE2C837DE43E3FCEA9011ED74F3038FB6AB5F3C4CEA119E8"));
}

TEST(RequestSigner, TopIgnoresAnExistingSignAndEmptyValuesStillCount)
{
    Params p = topExample1(QStringLiteral("md5"));
    p[QStringLiteral("sign")] = QStringLiteral("whatever");
    EXPECT_EQ(signTop("helloworld", p, TopMethod::Md5), QByteArray("66987CB115214E59E6EC978214934FB8"));
    p[QStringLiteral("num_iid")] = QStringLiteral("11223345");
    EXPECT_NE(signTop("helloworld", p, TopMethod::Md5), QByteArray("66987CB115214E59E6EC978214934FB8"));
}

// Published by Pinduoduo's open platform documentation.
TEST(RequestSigner, PddPublishedExample)
{
    const Params p{{QStringLiteral("access_token"), QStringLiteral("asd78172s8ds9a921j9qqwda12312w1w21211")},
                   {QStringLiteral("client_id"), QStringLiteral("1")},
                   {QStringLiteral("data_type"), QStringLiteral("XML")},
                   {QStringLiteral("order_status"), QStringLiteral("1")},
                   {QStringLiteral("page"), QStringLiteral("1")},
                   {QStringLiteral("page_size"), QStringLiteral("10")},
                   {QStringLiteral("timestamp"), QStringLiteral("1480411125")},
                   {QStringLiteral("type"), QStringLiteral("pdd.order.number.list.get")}};
    EXPECT_EQ(signPdd("testSecret", p), QByteArray("E4DE3ED21002510DED352819E7AE6775"));
}

// Douyin publishes the algorithm but no worked example with its answer; these values were computed
// independently from the documented algorithm (Python's hmac module).
TEST(RequestSigner, DouyinHmacSha256)
{
    const QString json = canonicalJson(QJsonDocument::fromJson(R"({"page":"1","cid":"12"})").object());
    EXPECT_EQ(json, QStringLiteral(R"({"cid":"12","page":"1"})"));
    EXPECT_EQ(signDouyin("testSecret", QStringLiteral("3409409348479354011"),
                         QStringLiteral("product.getGoodsCategory"), json, QStringLiteral("2020-09-15 14:48:13"),
                         QStringLiteral("2")),
              QByteArray("aab9542ce1c0cc2be99e5258cb1928b335861d8d7a9d5129bbdc982d309d749d"));
}

TEST(RequestSigner, DouyinCanonicalJsonSortsNestedKeysAndKeepsChinese)
{
    const auto doc =
        QJsonDocument::fromJson(R"({"star":{"b":2,"a":[1,"x"]},"remark":"送开口器","order_id":"4781320682406083640"})");
    const QString json = canonicalJson(doc.object());
    EXPECT_EQ(json,
              QStringLiteral(R"({"order_id":"4781320682406083640","remark":"送开口器","star":{"a":[1,"x"],"b":2}})"));
    EXPECT_EQ(signDouyin("testSecret", QStringLiteral("3409409348479354011"), QStringLiteral("order.addOrderRemark"),
                         json, QStringLiteral("2020-09-15 14:48:13"), QStringLiteral("2")),
              QByteArray("142a3bf6aab6bed563e3d0513ddb41fe649be8e7a7f45e4d66788a1fdd05a2fc"));
}

} // namespace
} // namespace shopdesk::platform::signing
