#pragma once

// team.md rule 1, read from the database after a run: no conversation with two active owners, no
// agent over its limit except by repeat entry, overflow or transfer, every load row true.
// (Shared by the claim property tests on raw connections and through the server.)

#include "pg/PgConnection.h"

#include <gtest/gtest.h>

namespace shopdesk::test {

inline void expectClaimInvariants(pg::PgConnection& c)
{
    auto doubles = c.query("SELECT count(*) FROM (SELECT conversation_id FROM assignments WHERE ended_at IS NULL "
                           "GROUP BY conversation_id HAVING count(*) > 1) d");
    ASSERT_TRUE(doubles);
    EXPECT_EQ(doubles->integer(0, 0), 0) << "a conversation with two active owners";
    // Within the limit, counting only what had to be (over-limit reasons excluded).
    auto over = c.query("SELECT a.name, count(*) FILTER (WHERE s.reason IN ('free', 'queue', 'take')), "
                        "COALESCE(a.reception_limit, g.reception_limit, 0) FROM accounts a "
                        "LEFT JOIN routing_groups g ON g.shop_id = a.shop_id AND g.name = a.grp "
                        "LEFT JOIN assignments s ON s.account_id = a.id AND s.ended_at IS NULL "
                        "GROUP BY a.name, a.reception_limit, g.reception_limit "
                        "HAVING count(*) FILTER (WHERE s.reason IN ('free', 'queue', 'take')) > "
                        "COALESCE(a.reception_limit, g.reception_limit, 0)");
    ASSERT_TRUE(over);
    for (int i = 0; i < over->rows(); ++i) {
        ADD_FAILURE() << over->text(i, 0).toStdString() << " holds " << over->integer(i, 1) << " over its limit "
                      << over->integer(i, 2);
    }
    // The load rows every claim locked agree with what is held.
    auto drift = c.query("SELECT count(*) FROM agent_load l WHERE l.active <> (SELECT count(*) FROM assignments s "
                         "WHERE s.account_id = l.account_id AND s.ended_at IS NULL)");
    ASSERT_TRUE(drift);
    EXPECT_EQ(drift->integer(0, 0), 0) << "a load row that disagrees with the assignments";
}

} // namespace shopdesk::test
