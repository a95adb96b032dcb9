package org.iep.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iep.api.transaction.Priority.BATCH;
import static org.iep.api.transaction.Priority.BLUE_LIGHT;
import static org.iep.api.transaction.Priority.NORMAL;

import java.time.LocalTime;
import org.iep.core.policy.IepPolicy;
import org.junit.jupiter.api.Test;

class DeliveryLanesTest {
    private final DeliveryLanes lanes = new DeliveryLanes(IepPolicy.DEFAULT);

    @Test
    void fiveLanesOfWhichOneIsReservedForBlueLight() {
        assertThat(lanes.lanes()).isEqualTo(5);
        assertThat(lanes.reservedForBlueLight(0)).isTrue();
        for (int lane = 1; lane < 5; lane++) {
            assertThat(lanes.reservedForBlueLight(lane)).isFalse();
        }
        assertThatThrownBy(() -> lanes.priorities(5, LocalTime.NOON)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theReservedLaneTakesBlueLightOnlyDayAndNight() {
        for (LocalTime t : new LocalTime[] {LocalTime.NOON, LocalTime.of(23, 0), LocalTime.of(3, 0)}) {
            assertThat(lanes.priorities(0, t)).containsExactly(BLUE_LIGHT);
        }
        assertThat(lanes.filter(0).priorities()).containsExactly(BLUE_LIGHT);
        assertThat(lanes.filter(0).kinds()).containsExactly("delivery");
    }

    @Test
    void generalLanesTakeBatchOnlyBetweenEightPmAndSixAm() {
        assertThat(lanes.priorities(1, LocalTime.NOON)).containsExactlyInAnyOrder(BLUE_LIGHT, NORMAL);
        assertThat(lanes.priorities(4, LocalTime.of(19, 59, 59))).containsExactlyInAnyOrder(BLUE_LIGHT, NORMAL);
        assertThat(lanes.priorities(4, LocalTime.of(20, 0))).containsExactlyInAnyOrder(BLUE_LIGHT, NORMAL, BATCH);
        assertThat(lanes.priorities(2, LocalTime.MIDNIGHT)).containsExactlyInAnyOrder(BLUE_LIGHT, NORMAL, BATCH);
        assertThat(lanes.priorities(3, LocalTime.of(5, 59, 59))).contains(BATCH);
        assertThat(lanes.priorities(3, LocalTime.of(6, 0))).doesNotContain(BATCH);
    }
}
