#include "platform/sim/SimCatalogue.h"

#include "domain/Pii.h"

namespace shopdesk::platform::sim {

SimCatalogue::SimCatalogue()
{
    m_products = {
        {QStringLiteral("纸皮核桃 500g"), 2990},     {QStringLiteral("手剥山核桃 250g"), 3990},
        {QStringLiteral("每日坚果礼盒 750g"), 9900}, {QStringLiteral("巴旦木 500g"), 3590},
        {QStringLiteral("五香牛肉干 200g"), 4590},   {QStringLiteral("芒果干 500g"), 2590},
        {QStringLiteral("婴儿湿巾 80抽×6包"), 3990}, {QStringLiteral("婴儿手口湿巾 25抽×10包"), 2990},
        {QStringLiteral("防溢乳垫 100片"), 4990},    {QStringLiteral("纯棉连衣裙 M码"), 15900},
        {QStringLiteral("纯棉连衣裙 L码"), 15900},   {QStringLiteral("宽松卫衣 加绒"), 12900},
        {QStringLiteral("儿童羽绒服 120cm"), 26900}, {QStringLiteral("高腰牛仔裤"), 13900},
        {QStringLiteral("开口器+封口夹套装"), 990},  {QStringLiteral("黑糖话梅 300g"), 1990},
    };
    m_surnames =
        QStringLiteral("王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 林 罗 高 欧阳 诸葛").split(QLatin1Char(' '));
    m_givenNames =
        QStringLiteral("伟 芳 娜 秀英 敏 静 丽 强 磊 洋 艳 勇 军 杰 娟 涛 明 超 秀兰 霞 平 刚 桂英 小雨 子轩 梓涵 一诺")
            .split(QLatin1Char(' '));
    m_nickWords =
        QStringLiteral("小鹿 快乐的核桃 宝妈 吃货 晴天 老王 小胖 喵星人 柠檬 阿杰 小确幸 甜甜 土豆 大白 小鱼儿 奶茶控")
            .split(QLatin1Char(' '));
    m_places = QStringLiteral(
                   "浙江省杭州市西湖区 浙江省宁波市鄞州区 江苏省南京市鼓楼区 江苏省苏州市工业园区 广东省深圳市南山区 "
                   "广东省广州市天河区 四川省成都市武侯区 湖北省武汉市洪山区 山东省青岛市崂山区 福建省厦门市思明区 "
                   "上海市浦东新区 北京市朝阳区 天津市南开区 重庆市渝北区 河南省郑州市金水区 湖南省长沙市岳麓区")
                   .split(QLatin1Char(' '));
    m_streets = QStringLiteral("文三路90号 科技园南区8栋 学府路18号 人民路256弄 中山北路66号 解放大道1024号 "
                               "天府大道北段1700号 长江路7号 和平里3区12号楼 建设路55号")
                    .split(QLatin1Char(' '));
    m_carriers = QStringLiteral("中通快递 圆通速递 韵达快递 申通快递 顺丰速运 邮政EMS").split(QLatin1Char(' '));
}

const SimCatalogue::Product& SimCatalogue::randomProduct(std::mt19937_64& rng) const
{
    return pick(rng, m_products);
}

QString SimCatalogue::randomNick(std::mt19937_64& rng) const
{
    if (chance(rng, 0.5)) {
        static const char* alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        QString nick = QStringLiteral("tb_");
        const int len = uniform(rng, 6, 9);
        for (int i = 0; i < len; ++i) {
            nick += QLatin1Char(alphabet[rng() % 31]);
        }
        return nick;
    }
    return pick(rng, m_nickWords) + QString::number(uniform(rng, 10, 9999));
}

Receiver SimCatalogue::randomReceiver(std::mt19937_64& rng) const
{
    Receiver r;
    r.name = pick(rng, m_surnames) + pick(rng, m_givenNames);
    static const char* prefixes[] = {"138", "139", "150", "151", "158", "186", "188", "177", "135", "187"};
    r.phone = QString::fromLatin1(prefixes[rng() % 10]);
    for (int i = 0; i < 8; ++i) {
        r.phone += QLatin1Char(static_cast<char>('0' + rng() % 10));
    }
    r.address = pick(rng, m_places) + pick(rng, m_streets);
    return r;
}

Receiver SimCatalogue::platformMask(const Receiver& r)
{
    return {pii::maskName(r.name), pii::maskPhone(r.phone), pii::maskAddress(r.address)};
}

QString SimCatalogue::randomCarrier(std::mt19937_64& rng) const
{
    return pick(rng, m_carriers);
}

QString SimCatalogue::traceStep(int i, int n, const Receiver& r) const
{
    const QString city = pii::maskAddress(r.address).remove(QStringLiteral("****"));
    if (i == 0) {
        return QStringLiteral("快件已被揽收，仓库已发出");
    }
    if (i == n - 1) {
        return QStringLiteral("快件已签收，签收人：本人，感谢使用");
    }
    if (i == n - 2) {
        return QStringLiteral("快件已到达【%1】，正在派送中").arg(city);
    }
    return QStringLiteral("快件在途中，已到达转运中心（第%1站）").arg(i);
}

} // namespace shopdesk::platform::sim
