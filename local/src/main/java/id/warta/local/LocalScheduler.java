package id.warta.local;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Fires the template's Schedule events (EventBridge "Scheduled Event" shape), sped up locally so a
 * developer sees the mailer and the recommendations builder work within seconds.
 */
public final class LocalScheduler implements AutoCloseable {
    private final LocalCloud cloud;
    private final int speedUp;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("local-scheduler").daemon().factory());

    public LocalScheduler(LocalCloud cloud, int speedUp) {
        this.cloud = cloud;
        this.speedUp = Math.max(1, speedUp);
    }

    public LocalScheduler start() {
        for (SamTemplate.Schedule schedule : cloud.template().schedules()) {
            long periodMillis = Math.max(1000, schedule.rate().toMillis() / speedUp);
            executor.scheduleWithFixedDelay(() -> fire(schedule), periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** Runs one schedule now ("on demand"); returns the handler's result as JSON. */
    public String fire(SamTemplate.Schedule schedule) {
        try {
            return cloud.function(schedule.functionId()).invokeJson(scheduledEvent(schedule, Instant.now()));
        } catch (RuntimeException e) {
            System.err.println("Scheduled " + schedule.functionId() + "." + schedule.eventName() + " failed: " + e);
            return null;
        }
    }

    static String scheduledEvent(SamTemplate.Schedule schedule, Instant time) {
        return """
                {"version":"0","id":"%s","detail-type":"Scheduled Event","source":"aws.events",\
                "account":"000000000000","time":"%s","region":"%s",\
                "resources":["arn:aws:events:%s:000000000000:rule/%s-%s"],"detail":{}}"""
                .formatted(UUID.randomUUID(), time.truncatedTo(ChronoUnit.SECONDS), LocalCloud.REGION,
                        LocalCloud.REGION, schedule.functionId(), schedule.eventName());
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
