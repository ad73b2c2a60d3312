#include "backend/DemoPhrases.h"

#include "services/quickreply/QuickReplyService.h"

namespace shopdesk::demoshop {

namespace {

struct Phrase {
    const char* group;
    const char* code;
    const char* text;
};

constexpr Phrase kPhrases[] = {
    {"问候", "hi", "亲，您好，欢迎光临{店铺}，我是客服{客服}，很高兴为您服务~"},
    {"问候", "zai", "亲，在的呢，请问有什么可以帮您？"},
    {"问候", "dd", "亲，久等了，这边马上为您查询，请稍等哦~"},
    {"售前", "by", "亲，本店满99元包邮（偏远地区除外），您可以再凑一凑哦~"},
    {"售前", "yh", "亲，店铺首页可以领取优惠券，下单前记得先领券哦~"},
    {"售前", "kc", "亲，您看中的这款目前有现货的，今天下单今天就能安排发出~"},
    {"售前", "cm", "亲，尺码可以参考详情页的尺码表，告诉我身高体重，帮您推荐合适的码~"},
    {"售前", "zp", "亲，我们是品牌旗舰店，所有商品都是正品，支持专柜验货哦~"},
    {"售前", "bzq", "亲，坚果类产品保质期9个月，都是新鲜日期发货的~"},
    {"售前", "yj", "亲，价格已经是活动最低价了，不能再优惠了呢，不过可以送您一份小礼品~"},
    {"催付", "cf", "亲，您拍下的订单{订单号}还没有付款哦，库存有限，付款后我们会尽快为您发货~"},
    {"催付", "cf2", "亲，活动价马上就要结束了，订单{订单号}付款后就能锁定优惠价格哦~"},
    {"发货", "fh", "亲，今天16点前付款的订单当天发货，之后的第二天发出哦~"},
    {"发货", "yfh", "亲，您的订单已经发货了，{物流公司}运单号{运单号}，请注意查收~"},
    {"发货", "kd", "亲，我们默认发中通、圆通快递，如需顺丰可以补差价哦~"},
    {"物流", "wl", "亲，物流信息一般在发货后24小时内更新，请您耐心等待一下~"},
    {"物流", "cwl", "亲，这边帮您联系{物流公司}催一下，运单号{运单号}，有消息第一时间告诉您~"},
    {"物流", "dz", "亲，请确认一下收货地址是否正确，发货后就不能修改了哦~"},
    {"售后", "th", "亲，本店支持七天无理由退换货，商品不影响二次销售即可~"},
    {"售后", "tk", "亲，退款申请已经收到，我们会在24小时内为您处理，请留意退款进度~"},
    {"售后", "ps", "亲，非常抱歉给您带来不好的体验，麻烦拍一下商品破损的照片，我们马上为您处理~"},
    {"售后", "bf", "亲，少发漏发的情况我们核实后会为您补发，请提供一下外包装照片哦~"},
    {"售后", "yfx", "亲，您的订单有运费险，退货运费会由保险公司赔付到您的账户~"},
    {"结束", "xx", "亲，感谢您的支持，有问题随时联系我们哦，祝您生活愉快~"},
    {"结束", "hp", "亲，收到宝贝满意的话，麻烦给个五星好评哦，您的支持是我们最大的动力~"},
    {"结束", "pj", "亲，本次服务结束后会邀请您评价，麻烦给{客服}打个满意哦，谢谢~"},
};

} // namespace

Status seedPhrases(QuickReplyService& phrases, const auth::Actor& owner)
{
    int order = 0;
    for (const Phrase& p : kPhrases) {
        QuickReply q;
        q.scope = QuickReply::Scope::Team;
        q.group = QString::fromUtf8(p.group);
        q.code = QString::fromUtf8(p.code);
        q.text = QString::fromUtf8(p.text);
        q.sortOrder = order++;
        auto saved = phrases.save(owner, q);
        if (!saved) {
            return saved.error();
        }
    }
    return {};
}

} // namespace shopdesk::demoshop
