// What the agent reads is what the buyer wrote, neither flattened nor spoofed: line breaks break
// bubble lines, controls and direction overrides are visible marks.

#include "chat/BubbleDelegate.h"
#include "chat/TimelineModel.h"
#include "common/Format.h"

#include <QListView>
#include <QStandardItemModel>

#include <gtest/gtest.h>

namespace shopdesk::test {
namespace {

using namespace shopdesk::ui;

TEST(ScreenText, AMultiLineMessageIsAsTallAsItsLines)
{
    QListView view;
    view.resize(600, 400);
    QStandardItemModel model;
    auto add = [&](const QString& text, qint64 id) {
        auto* item = new QStandardItem(format::shown(text));
        item->setData(static_cast<int>(Sender::Buyer), TimelineModel::SenderRole);
        item->setData(Timestamp::fromSecs(1'790'000'000).ms(), TimelineModel::TimeRole);
        item->setData(false, TimelineModel::ShowTimeRole);
        item->setData(id, TimelineModel::MessageIdRole);
        model.appendRow(item);
    };
    add(QStringLiteral("收货地址：北京市朝阳区 电话：138"), 1);
    add(QStringLiteral("收货地址：\n北京市朝阳区\n电话：138"), 2);
    BubbleDelegate delegate(&view);
    view.setModel(&model);
    view.setItemDelegate(&delegate);
    QStyleOptionViewItem option;
    option.initFrom(&view);
    const int oneLine = delegate.sizeHint(option, model.index(0, 0)).height();
    const int threeLines = delegate.sizeHint(option, model.index(1, 0)).height();
    const int lineHeight = QFontMetrics(option.font).lineSpacing();
    EXPECT_GE(threeLines - oneLine, 2 * lineHeight - 2) << "three lines, not one: " << oneLine << " vs " << threeLines;
}

TEST(ScreenText, TheTimelineShowsControlsAsMarksAndKeepsTheOriginalOutOfView)
{
    const QString rlo = QStringLiteral("订单号") + QChar(0x202E) + QStringLiteral("4321");
    const QString shown = format::shown(rlo);
    EXPECT_FALSE(shown.contains(QChar(0x202E)));
    EXPECT_TRUE(shown.startsWith(QStringLiteral("订单号")) && shown.endsWith(QStringLiteral("4321")));
    EXPECT_EQ(format::shownLine(QStringLiteral("tb_\x1b[31m红")), QStringLiteral("tb_\u241b[31m红"));
}

} // namespace
} // namespace shopdesk::test
