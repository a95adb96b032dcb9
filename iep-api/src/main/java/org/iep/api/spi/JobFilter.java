package org.iep.api.spi;

import java.util.Set;
import org.iep.api.transaction.Priority;

/** Which jobs a worker takes: these kinds, these priorities (a lane reserved for Blue Light asks for it alone). */
public record JobFilter(Set<String> kinds, Set<Priority> priorities) {
    public JobFilter {
        kinds = Set.copyOf(kinds);
        priorities = Set.copyOf(priorities);
        if (kinds.isEmpty() || priorities.isEmpty()) {
            throw new IllegalArgumentException("a job filter names at least one kind and one priority");
        }
    }

    public boolean matches(Job job) {
        return kinds.contains(job.kind()) && priorities.contains(job.priority());
    }
}
