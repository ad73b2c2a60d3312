// KeyedRows under a stream of random changes, checked by Qt's own model tester: after every sync
// the rows are exactly the fresh list, and an index held on a row that stayed still points at it.

#include "common/KeyedRows.h"

#include "ui/ModelTesterGuard.h"

#include <QAbstractListModel>
#include <QAbstractTableModel>
#include <QPersistentModelIndex>
#include <QRandomGenerator>
#include <QSignalSpy>

#include <gtest/gtest.h>

namespace shopdesk::test {
namespace {

struct Thing {
    int id = 0;
    QString text;
    int key() const { return id; }
    bool operator==(const Thing&) const = default;
};

class Things : public ui::KeyedRows<Thing, QAbstractListModel> {
public:
    using KeyedRows::KeyedRows;
    QVariant data(const QModelIndex& index, int role) const override
    {
        const Thing* t = item(index);
        return t && role == Qt::DisplayRole ? QVariant(t->text) : QVariant();
    }
    void set(std::vector<Thing> fresh) { sync(std::move(fresh)); }
    bool setInPlace(const std::vector<Thing>& fresh) { return syncInPlace(fresh); }
};

class ThingTable : public ui::KeyedRows<Thing, QAbstractTableModel> {
public:
    using KeyedRows::KeyedRows;
    int columnCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : 3; }
    QVariant data(const QModelIndex& index, int role) const override
    {
        const Thing* t = item(index);
        if (!t || role != Qt::DisplayRole) {
            return {};
        }
        return index.column() == 0 ? QVariant(t->id) : QVariant(t->text);
    }
    void set(std::vector<Thing> fresh) { sync(std::move(fresh)); }
};

std::vector<Thing> randomList(QRandomGenerator& rng, int maxId, int version)
{
    std::vector<Thing> out;
    for (int id = 0; id < maxId; ++id) {
        if (rng.bounded(3) != 0) {
            out.push_back({id, QStringLiteral("%1 v%2").arg(id).arg(rng.bounded(4) == 0 ? version : 0)});
        }
    }
    // Mostly in order, some moved far.
    for (int k = 0; k < static_cast<int>(out.size()) / 5; ++k) {
        const auto a = rng.bounded(static_cast<quint32>(out.size()));
        const auto b = rng.bounded(static_cast<quint32>(out.size()));
        std::swap(out[a], out[b]);
    }
    return out;
}

template <typename Model>
void expectRows(const Model& m, const std::vector<Thing>& fresh)
{
    ASSERT_EQ(m.rowCount(), static_cast<int>(fresh.size()));
    for (int r = 0; r < m.rowCount(); ++r) {
        EXPECT_EQ(*m.item(r), fresh[static_cast<std::size_t>(r)]) << "row " << r;
        EXPECT_EQ(m.rowOfKey(fresh[static_cast<std::size_t>(r)].id), r);
    }
}

TEST(KeyedRows, ARandomStreamOfChangesIsAppliedByRowsAndKeepsHeldIndexes)
{
    Things model;
    ModelTesterGuard tester(&model);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QRandomGenerator rng(42);
    for (int round = 0; round < 300; ++round) {
        // Hold an index on every third row and remember its key.
        std::vector<std::pair<QPersistentModelIndex, int>> held;
        for (int r = 0; r < model.rowCount(); r += 3) {
            held.emplace_back(QPersistentModelIndex(model.index(r)), model.item(r)->id);
        }
        const auto fresh = randomList(rng, 40, round);
        model.set(fresh);
        expectRows(model, fresh);
        for (const auto& [index, id] : held) {
            const bool stays =
                std::any_of(fresh.begin(), fresh.end(), [id = id](const Thing& t) { return t.id == id; });
            if (stays) {
                ASSERT_TRUE(index.isValid()) << "round " << round << ": the row of " << id << " was lost";
                EXPECT_EQ(model.item(index.row())->id, id) << "round " << round;
            } else {
                EXPECT_FALSE(index.isValid());
            }
        }
    }
    EXPECT_EQ(resets.count(), 0);
    EXPECT_EQ(tester.failures(), 0) << tester.report().toStdString();
}

TEST(KeyedRows, OnlyChangedRowsAreAnnouncedAndRepeatedKeysKeepTheFirst)
{
    Things model;
    ModelTesterGuard tester(&model);
    model.set({{1, "a"}, {2, "b"}, {3, "c"}});
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.set({{1, "a"}, {2, "B"}, {3, "c"}, {3, "again"}});
    ASSERT_EQ(changed.count(), 1);
    EXPECT_EQ(changed.front().front().toModelIndex().row(), 1);
    EXPECT_EQ(inserted.count(), 0);
    EXPECT_EQ(model.item(2)->text, "c");
    EXPECT_EQ(tester.failures(), 0) << tester.report().toStdString();
}

TEST(KeyedRows, InPlaceChangesLeaveTheOrderAndSayWhatWaits)
{
    Things model;
    ModelTesterGuard tester(&model);
    model.set({{1, "a"}, {2, "b"}, {3, "c"}});
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    EXPECT_FALSE(model.setInPlace({{1, "a"}, {2, "B"}, {3, "c"}}));
    EXPECT_TRUE(model.setInPlace({{3, "C"}, {1, "a"}}));
    EXPECT_EQ(moved.count(), 0);
    EXPECT_EQ(removed.count(), 0);
    EXPECT_EQ(model.item(0)->id, 1);
    EXPECT_EQ(model.item(1)->text, "B");
    EXPECT_EQ(model.item(2)->text, "C");
}

TEST(KeyedRows, ATableAnnouncesTheWholeRow)
{
    ThingTable model;
    ModelTesterGuard tester(&model);
    QRandomGenerator rng(7);
    for (int round = 0; round < 100; ++round) {
        const auto fresh = randomList(rng, 25, round);
        model.set(fresh);
        expectRows(model, fresh);
    }
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    auto fresh = model.items();
    ASSERT_FALSE(fresh.empty());
    fresh.front().text = QStringLiteral("changed");
    model.set(fresh);
    ASSERT_EQ(changed.count(), 1);
    EXPECT_EQ(changed.front().at(1).toModelIndex().column(), 2);
    EXPECT_EQ(tester.failures(), 0) << tester.report().toStdString();
}

} // namespace
} // namespace shopdesk::test
