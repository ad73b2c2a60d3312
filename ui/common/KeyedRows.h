#pragma once

#include <QAbstractItemModel>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <iterator>
#include <type_traits>
#include <utility>
#include <vector>

namespace shopdesk::ui {

/// A model's rows, each with a stable key, kept up to date by row operations: sync() turns the
/// current rows into a fresh list by removing, moving, inserting and changing rows, never by a
/// reset, so views keep their selection, current row, scroll position and the row under the
/// pointer. `Item` has `key()` (a QString or an integer, unique within the list) and `==` (a
/// row whose item compares unequal is announced with dataChanged). `Base` is QAbstractListModel
/// or QAbstractTableModel.
template <typename Item, typename Base>
class KeyedRows : public Base {
public:
    using Key = std::decay_t<decltype(std::declval<const Item&>().key())>;

    using Base::Base;

    int rowCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(m_items.size());
    }
    const std::vector<Item>& items() const { return m_items; }
    /// The row's item, or null outside the rows.
    const Item* item(int row) const
    {
        return row >= 0 && row < rowCount() ? &m_items[static_cast<std::size_t>(row)] : nullptr;
    }
    const Item* item(const QModelIndex& index) const { return index.isValid() ? item(index.row()) : nullptr; }
    /// The row with `key`, or -1.
    int rowOfKey(const Key& key) const { return m_rowOf.value(key, -1); }

protected:
    /// Makes the rows `fresh`: gone rows removed (in runs), kept ones moved into place and
    /// changed where they differ, new ones inserted (in runs). A key repeated in `fresh` keeps its
    /// first row.
    void sync(std::vector<Item> fresh)
    {
        QSet<Key> wanted;
        wanted.reserve(static_cast<qsizetype>(fresh.size()));
        std::erase_if(fresh, [&](const Item& i) {
            const Key k = i.key();
            if (wanted.contains(k)) {
                return true;
            }
            wanted.insert(k);
            return false;
        });
        // Rows that are gone, bottom up.
        for (int r = static_cast<int>(m_items.size()) - 1; r >= 0;) {
            if (wanted.contains(at(r).key())) {
                --r;
                continue;
            }
            int first = r;
            while (first > 0 && !wanted.contains(at(first - 1).key())) {
                --first;
            }
            this->beginRemoveRows({}, first, r);
            m_items.erase(m_items.begin() + first, m_items.begin() + r + 1);
            this->endRemoveRows();
            r = first - 1;
        }
        // Every row still here is wanted; each fresh row is moved, changed or inserted in place.
        QSet<Key> present;
        present.reserve(static_cast<qsizetype>(m_items.size()));
        for (const Item& i : m_items) {
            present.insert(i.key());
        }
        const int n = static_cast<int>(fresh.size());
        for (int i = 0; i < n; ++i) {
            const Key k = fresh[static_cast<std::size_t>(i)].key();
            if (i < rowCount() && at(i).key() == k) {
                change(i, std::move(fresh[static_cast<std::size_t>(i)]));
                continue;
            }
            if (present.contains(k)) {
                // It is further down (rows above i are settled).
                int j = i + 1;
                while (at(j).key() != k) {
                    ++j;
                }
                this->beginMoveRows({}, j, j, {}, i);
                std::rotate(m_items.begin() + i, m_items.begin() + j, m_items.begin() + j + 1);
                this->endMoveRows();
                change(i, std::move(fresh[static_cast<std::size_t>(i)]));
                continue;
            }
            int end = i + 1;
            while (end < n && !present.contains(fresh[static_cast<std::size_t>(end)].key())) {
                ++end;
            }
            this->beginInsertRows({}, i, end - 1);
            m_items.insert(m_items.begin() + i, std::make_move_iterator(fresh.begin() + i),
                           std::make_move_iterator(fresh.begin() + end));
            this->endInsertRows();
            i = end - 1;
        }
        reindex();
    }

    /// Changes the rows that are in `fresh` in place and leaves the list's order and membership as
    /// they are (a list the person is about to click). Returns whether sync(fresh) would do more.
    bool syncInPlace(const std::vector<Item>& fresh)
    {
        bool structural = fresh.size() != m_items.size();
        for (std::size_t i = 0; i < fresh.size(); ++i) {
            const int row = rowOfKey(fresh[i].key());
            if (row < 0) {
                structural = true;
                continue;
            }
            if (static_cast<std::size_t>(row) != i) {
                structural = true;
            }
            change(row, Item(fresh[i]));
        }
        return structural;
    }

    /// Changes one row's item (announced when it differs).
    void change(int row, Item&& fresh)
    {
        Item& current = m_items[static_cast<std::size_t>(row)];
        if (current == fresh) {
            return;
        }
        current = std::move(fresh);
        const int lastColumn = std::max(0, static_cast<const QAbstractItemModel*>(this)->columnCount() - 1);
        emit this->dataChanged(this->index(row, 0), this->index(row, lastColumn));
    }

private:
    const Item& at(int row) const { return m_items[static_cast<std::size_t>(row)]; }
    void reindex()
    {
        m_rowOf.clear();
        m_rowOf.reserve(static_cast<qsizetype>(m_items.size()));
        for (int r = 0; r < rowCount(); ++r) {
            m_rowOf.insert(at(r).key(), r);
        }
    }

    std::vector<Item> m_items;
    QHash<Key, int> m_rowOf;
};

} // namespace shopdesk::ui
