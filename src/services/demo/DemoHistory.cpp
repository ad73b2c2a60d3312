#include "services/demo/DemoHistory.h"

#include <QRandomGenerator>

namespace shopdesk {

std::vector<ImportRecord> demoHistory(const EcdCorpus& corpus, Timestamp now)
{
    static const QStringList nicks = {
        QStringLiteral("tb_小鹿乱撞"), QStringLiteral("快乐的核桃"), QStringLiteral("jenny_2019"),
        QStringLiteral("宝妈小雨"),    QStringLiteral("吃货阿杰"),   QStringLiteral("tb8832761"),
        QStringLiteral("晴天娃娃"),    QStringLiteral("老王不在家"),
    };
    static const QStringList agents = {QStringLiteral("小美"), QStringLiteral("阿强")};
    QRandomGenerator rng(20261111);
    std::vector<ImportRecord> records;
    const auto& dialogues = corpus.dialogues();
    qint64 t = now.addSecs(-3 * 24 * 3600).secs();
    for (std::size_t i = 0; i < dialogues.size(); ++i) {
        const QString nick = nicks[static_cast<int>(i % nicks.size())];
        const QString agent = agents[static_cast<int>(i % agents.size())];
        const QString key = QStringLiteral("demo-%1").arg(i + 1);
        t += 600 + rng.bounded(2400);
        qint64 at = t;
        for (const auto& turn : dialogues[i]) {
            IncomingMessage m;
            m.conversationKey = key;
            m.buyerNick = nick;
            m.sender = turn.fromBuyer ? Sender::Buyer : Sender::Agent;
            m.agent = turn.fromBuyer ? QString() : agent;
            m.text = turn.text;
            m.sentAt = Timestamp::fromSecs(std::min(at, now.secs()));
            records.emplace_back(std::move(m));
            at += 5 + rng.bounded(90);
        }
        if (i % 4 == 0) {
            Order o;
            o.orderNo = QStringLiteral("T%1").arg(3900100000LL + static_cast<qint64>(i));
            o.buyerNick = nick;
            o.createdAt = Timestamp::fromSecs(at);
            const bool paid = i % 8 == 0;
            o.status = paid ? OrderStatus::WaitSellerSendGoods : OrderStatus::WaitBuyerPay;
            if (paid) {
                o.paidAt = Timestamp::fromSecs(at + 120);
                o.flaggedBy = agent;
            }
            static const QStringList names = {QStringLiteral("张三"), QStringLiteral("李小红"),
                                              QStringLiteral("王建国"), QStringLiteral("欧阳娜娜")};
            static const QStringList addresses = {QStringLiteral("浙江省杭州市西湖区文三路90号东部软件园3号楼"),
                                                  QStringLiteral("上海市浦东新区张江路188弄5号702室"),
                                                  QStringLiteral("广东省深圳市南山区科技园南区高新南一道8号"),
                                                  QStringLiteral("四川省成都市武侯区天府大道北段1700号")};
            const int k = static_cast<int>(i / 4) % 4;
            o.receiver =
                Receiver{names[k], QStringLiteral("1381234%1").arg(5670 + static_cast<int>(i), 4, 10, QLatin1Char('0')),
                         addresses[k]};
            o.items.push_back({QStringLiteral("纸皮核桃 500g"), 2, 2990});
            o.items.push_back({QStringLiteral("婴儿湿巾 80抽×6包"), 1, 3990});
            o.amountFen = 2 * 2990 + 3990;
            records.emplace_back(o);
            if (i % 16 == 0) {
                Refund r;
                r.refundNo = QStringLiteral("R%1").arg(i + 1);
                r.orderNo = o.orderNo;
                r.status = RefundStatus::WaitSellerAgree;
                r.amountFen = 3990;
                r.createdAt = Timestamp::fromSecs(at + 3600);
                r.reason = QStringLiteral("湿巾包装破损");
                records.emplace_back(r);
            }
        }
    }
    return records;
}

} // namespace shopdesk
