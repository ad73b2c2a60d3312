#include "platform/sim/SimScripts.h"

namespace shopdesk::platform::sim {

namespace {

QString pickOne(const QStringList& list, std::mt19937_64& rng)
{
    return list[static_cast<int>(rng() % list.size())];
}

} // namespace

SimScripts::SimScripts(const EcdCorpus& corpus)
    : m_corpus(corpus)
{
}

SimScripts::Script SimScripts::script(Category category, const QString& product, std::mt19937_64& rng) const
{
    Script s;
    s.category = category;
    switch (category) {
    case Category::Replay: {
        const auto& dialogues = m_corpus.dialogues();
        const auto& d = dialogues[rng() % dialogues.size()];
        for (const auto& turn : d) {
            (turn.fromBuyer ? s.buyerTurns : s.agentTurns) << turn.text;
        }
        break;
    }
    case Category::Presales:
        s.buyerTurns = {pickOne({QStringLiteral("在吗？%1还有货吗").arg(product),
                                 QStringLiteral("亲，%1是今年的新货吗").arg(product),
                                 QStringLiteral("你好，想问下%1").arg(product)},
                                rng),
                        pickOne({QStringLiteral("保质期多久呀"), QStringLiteral("有没有赠品"),
                                 QStringLiteral("今天下单什么时候发货")},
                                rng),
                        pickOne({QStringLiteral("好的，那我拍两件"), QStringLiteral("我考虑一下"),
                                 QStringLiteral("那我先拍了，记得备注送开口器")},
                                rng)};
        s.agentTurns = {
            QStringLiteral("亲，有货的哦，今天下单今天发～"),
            pickOne({QStringLiteral("保质期12个月，都是新鲜的货呢"), QStringLiteral("拍两件送开口器和封口夹哦"),
                     QStringLiteral("下午四点前付款当天发货哦亲")},
                    rng),
            QStringLiteral("好的亲，已经给您备注了，有问题随时找我哦")};
        break;
    case Category::Bargaining:
        s.buyerTurns = {QStringLiteral("%1能便宜点吗").arg(product), QStringLiteral("别家都比你便宜"),
                        pickOne({QStringLiteral("那包邮吗"), QStringLiteral("送点小零食也行")}, rng)};
        s.agentTurns = {QStringLiteral("亲，价格已经是活动价了哦，质量有保证的"),
                        QStringLiteral("理解您的心情呢，我们可以送您一张5元店铺券哦"),
                        QStringLiteral("满99包邮，再给您送一包试吃装呀")};
        break;
    case Category::Logistics:
        s.buyerTurns = {pickOne({QStringLiteral("我的快递到哪了"), QStringLiteral("怎么还没发货"),
                                 QStringLiteral("能催一下快递吗")},
                                rng),
                        pickOne({QStringLiteral("急用，麻烦快点"), QStringLiteral("好几天了还没到")}, rng)};
        s.agentTurns = {QStringLiteral("亲，帮您查了一下，包裹已经在路上了，预计明后天送达哦"),
                        QStringLiteral("已经帮您联系快递催件了，请耐心等待一下呢")};
        break;
    case Category::Aftersales:
        s.buyerTurns = {pickOne({QStringLiteral("收到的%1包装破了").arg(product), QStringLiteral("衣服尺码不合适想退"),
                                 QStringLiteral("湿巾少发了一包")},
                                rng),
                        QStringLiteral("那怎么处理"), QStringLiteral("好的，我申请退款了")};
        s.agentTurns = {QStringLiteral("非常抱歉给您带来不便，麻烦亲拍个照片给我看看哦"),
                        QStringLiteral("亲，商品未使用、吊牌完好的话可以申请退货退款的"),
                        QStringLiteral("收到，会尽快为您处理的，亲放心")};
        break;
    }
    return s;
}

QString SimScripts::genericReply(std::mt19937_64& rng) const
{
    const QStringList& lines = m_corpus.sellerLines();
    if (!lines.isEmpty() && rng() % 2 == 0) {
        return lines[static_cast<int>(rng() % lines.size())];
    }
    return pickOne({QStringLiteral("好的亲"), QStringLiteral("嗯嗯，明白了呢"),
                    QStringLiteral("亲稍等，我帮您看一下哦"), QStringLiteral("有什么问题随时联系我哦")},
                   rng);
}

QString SimScripts::nudge(std::mt19937_64& rng) const
{
    return pickOne({QStringLiteral("在吗？"), QStringLiteral("人呢"), QStringLiteral("亲在吗"),
                    QStringLiteral("怎么不回复了"), QStringLiteral("？？？")},
                   rng);
}

QString SimScripts::comeback(std::mt19937_64& rng) const
{
    return pickOne({QStringLiteral("刚才忘了问，能开发票吗"), QStringLiteral("我又来了，地址能改一下吗"),
                    QStringLiteral("还有个问题想问一下"), QStringLiteral("亲，刚才说的赠品记得哦")},
                   rng);
}

QString SimScripts::greeting(const QString& shop) const
{
    return QStringLiteral("您好，欢迎光临%1，请问有什么可以帮您？").arg(shop);
}

QString SimScripts::closingLine() const
{
    return QStringLiteral("感谢您的支持，祝您生活愉快！如有任何问题，请随时联系我们哦～");
}

QString SimScripts::refundReason(std::mt19937_64& rng) const
{
    return pickOne({QStringLiteral("商品破损"), QStringLiteral("尺码不合适"), QStringLiteral("少发漏发"),
                    QStringLiteral("不想要了"), QStringLiteral("质量问题")},
                   rng);
}

QString SimScripts::refuseReason(std::mt19937_64& rng) const
{
    return pickOne({QStringLiteral("商品已拆封影响二次销售"), QStringLiteral("已超过售后期限")}, rng);
}

QString SimScripts::reviewText(int rating, std::mt19937_64& rng) const
{
    if (rating >= 4) {
        return pickOne({QStringLiteral("很好吃，核桃很新鲜，会回购的"), QStringLiteral("发货快，包装好，客服态度也好"),
                        QStringLiteral("宝宝用着不错，湿巾很厚实")},
                       rng);
    }
    if (rating == 3) {
        return pickOne({QStringLiteral("一般般吧，物流有点慢"), QStringLiteral("东西还行，就是有几颗坏的")}, rng);
    }
    return pickOne({QStringLiteral("包装破损，客服处理太慢"), QStringLiteral("和描述不符，不推荐")}, rng);
}

} // namespace shopdesk::platform::sim
