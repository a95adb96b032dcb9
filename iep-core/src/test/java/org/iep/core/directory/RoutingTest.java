package org.iep.core.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iep.core.testsupport.World.CLIENT;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.iep.api.ConflictException;
import org.iep.api.CoreErrorCode;
import org.iep.api.directory.Node;
import org.iep.core.testsupport.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** LEIC (Europe/London, default core hours Mon–Fri 08:00–17:30, Sat–Sun 08:00–20:00) with a night node. */
class RoutingTest {
    private final World w = new World();
    private Node day;
    private Node night;

    @BeforeEach
    void nightNode() {
        night = w.nodes.put(w.leicAdmin, w.leic.id(), NodesTest.spec(Optional.empty(), "LEICNIGHT", "night.leic",
                104, Set.of(w.stee.id()), Optional.empty()), CLIENT);
        night = w.nodes.put(w.leicAdmin, w.leic.id(), new NodeSpec(Optional.of(night.id()), "LEICNIGHT",
                "night.leic", 104, false, Set.of(w.stee.id()), Optional.empty(), false), CLIENT);
        day = w.nodes.put(w.leicAdmin, w.leic.id(), NodesTest.spec(Optional.of(w.leicPacs.id()), "LEICPACS",
                "pacs.leic", 104, Set.of(w.stee.id()), Optional.of(night.id())), CLIENT);
    }

    private Node at(String instant) {
        return w.routing.destinationFor(w.leic.id(), w.stee.id(), Instant.parse(instant));
    }

    @Test
    void weekdayNoonGoesToTheDayNodeAndSevenPmToTheNightNode() {
        assertThat(at("2026-03-03T12:00:00Z")).isEqualTo(day);   // Tuesday, GMT
        assertThat(at("2026-03-03T17:29:59Z")).isEqualTo(day);
        assertThat(at("2026-03-03T17:30:00Z")).isEqualTo(night); // end is exclusive
        assertThat(at("2026-03-03T19:00:00Z")).isEqualTo(night);
        assertThat(at("2026-03-03T07:59:59Z")).isEqualTo(night);
    }

    @Test
    void saturdayCoreHoursRunToEightPm() {
        assertThat(at("2026-03-07T19:00:00Z")).isEqualTo(day);   // Saturday, GMT
        assertThat(at("2026-03-07T21:00:00Z")).isEqualTo(night);
    }

    @Test
    void coreHoursFollowLondonSummerTime() {
        // Saturday 4 April 2026 is BST (UTC+1): 19:00 local = 18:00Z, 21:00 local = 20:00Z.
        assertThat(at("2026-04-04T18:00:00Z")).isEqualTo(day);
        assertThat(at("2026-04-04T19:30:00Z")).isEqualTo(night); // 20:30 local although 19:30 UTC
        assertThat(at("2026-04-04T20:00:00Z")).isEqualTo(night);
        // Tuesday 31 March 2026: 16:45Z is 17:45 BST, out of hours although before 17:30 UTC.
        assertThat(at("2026-03-31T11:00:00Z")).isEqualTo(day);
        assertThat(at("2026-03-31T16:45:00Z")).isEqualTo(night);
        // The change-over Sunday 29 March: 07:30Z is 08:30 BST, in hours.
        assertThat(at("2026-03-29T07:30:00Z")).isEqualTo(day);
        assertThat(at("2026-03-29T06:30:00Z")).isEqualTo(night);
    }

    @Test
    void aNightNodeThatRefusesTheSenderLeavesTheDayNode() {
        w.nodes.put(w.leicAdmin, w.leic.id(), new NodeSpec(Optional.of(night.id()), "LEICNIGHT", "night.leic", 104,
                false, Set.of(), Optional.empty(), false), CLIENT);
        assertThat(at("2026-03-03T19:00:00Z")).isEqualTo(day);
    }

    @Test
    void noDefaultNodeAcceptingTheSenderIsNoRoute() {
        var nott = w.directory.createInstitution(World.institution("NOTT", "Nottingham", "a@nott.nhs.uk"), CLIENT);
        assertThatThrownBy(() -> w.routing.destinationFor(w.leic.id(), nott.institution().id(),
                Instant.parse("2026-03-03T12:00:00Z"))).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.NO_ROUTE));
        // The owner itself is always accepted.
        assertThat(w.routing.destinationFor(w.leic.id(), w.leic.id(), Instant.parse("2026-03-03T12:00:00Z")))
                .isEqualTo(day);
    }
}
