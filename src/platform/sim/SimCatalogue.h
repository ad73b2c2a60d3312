#pragma once

#include "domain/Money.h"
#include "domain/Order.h"

#include <QString>
#include <QStringList>

#include <random>
#include <vector>

namespace shopdesk::platform::sim {

/// The simulated shop's goods (the snacks, baby wipes and clothes the real dialogues talk about),
/// buyers' names and addresses, carriers. Everything random comes from the caller's generator.
class SimCatalogue {
public:
    struct Product {
        QString title;
        Fen priceFen;
    };

    SimCatalogue();

    const std::vector<Product>& products() const { return m_products; }
    const Product& randomProduct(std::mt19937_64& rng) const;

    /// A Taobao-style nick (tb_xxx or a Chinese nickname with digits).
    QString randomNick(std::mt19937_64& rng) const;
    /// A full receiver: a Chinese name, a mainland mobile number, a street address.
    Receiver randomReceiver(std::mt19937_64& rng) const;
    /// The platform's own masked form of a receiver (as Taobao shows it).
    static Receiver platformMask(const Receiver& r);

    QString randomCarrier(std::mt19937_64& rng) const;
    /// A trace step description for step `i` of `n` ending in delivery.
    QString traceStep(int i, int n, const Receiver& r) const;

    static int uniform(std::mt19937_64& rng, int lo, int hi)
    {
        return lo + static_cast<int>(rng() % static_cast<unsigned>(hi - lo + 1));
    }
    static bool chance(std::mt19937_64& rng, double p)
    {
        return static_cast<double>(rng() % 1'000'000) < p * 1'000'000.0;
    }
    template <typename T>
    static const T& pick(std::mt19937_64& rng, const std::vector<T>& v)
    {
        return v[rng() % v.size()];
    }
    static const QString& pick(std::mt19937_64& rng, const QStringList& v)
    {
        return v[static_cast<int>(rng() % v.size())];
    }

private:
    std::vector<Product> m_products;
    QStringList m_surnames;
    QStringList m_givenNames;
    QStringList m_nickWords;
    QStringList m_places; ///< province+city+district
    QStringList m_streets;
    QStringList m_carriers;
};

} // namespace shopdesk::platform::sim
