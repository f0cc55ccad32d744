package id.warta.activity;

import java.time.Instant;

/**
 * A ceiling on the view writes one client network may make per minute. Beyond it a view is still
 * answered, and still unlocks what the reader may unlock; it only no longer counts towards trending
 * and recommendations.
 */
public interface ViewCeiling {

    /**
     * Takes one of this minute's view writes for the network.
     *
     * @param network the network's pseudonym for the minute that contains {@code now}
     * @return false when the network has had all of this minute's
     */
    boolean admits(String network, Instant now);
}
