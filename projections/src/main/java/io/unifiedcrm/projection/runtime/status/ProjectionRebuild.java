package io.unifiedcrm.projection.runtime.status;

import io.unifiedcrm.infrastructure.axon.ReadModelCommits;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rebuilds projections and waits until they have caught up with the event store again: the plain reset-and-replay
 * of the admin endpoint, followed to its end. Waits on the processors' commits (re-checking at least every second).
 */
@Component
public class ProjectionRebuild {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionRebuild.class);
    private static final Duration RECHECK = Duration.ofSeconds(1);

    private final Projections projections;
    private final ReadModelCommits commits;

    public ProjectionRebuild(Projections projections, ReadModelCommits commits) {
        this.projections = projections;
        this.commits = commits;
    }

    /**
     * @throws io.unifiedcrm.shared.DomainRuleViolation for an unknown projection or one with side effects
     * @throws IllegalStateException when they have not caught up within {@code timeout}
     */
    public void rebuild(List<String> names, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        names.forEach(projections::replay);
        LOG.info("Rebuilding {}", names);
        while (!names.stream().allMatch(this::caughtUp)) {
            long seen = commits.count();
            long now = System.nanoTime();
            if (now >= deadline) {
                throw new IllegalStateException(names + " did not catch up within " + timeout);
            }
            commits.awaitCommitAfter(seen, Math.min(deadline, now + RECHECK.toNanos()));
        }
        names.forEach(name -> LOG.info("Rebuilt {}: at position {}", name, projections.status(name).position()));
    }

    private boolean caughtUp(String name) {
        ProjectionStatus status = projections.status(name);
        return !status.replaying() && status.lag() != null && status.lag() == 0;
    }
}
