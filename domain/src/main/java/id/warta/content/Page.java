package id.warta.content;

import java.util.List;
import java.util.Optional;

/** One page of a newest-first listing; the cursor is present exactly when more items follow. */
public record Page<T>(List<T> items, Optional<String> nextCursor) {
    public Page {
        items = List.copyOf(items);
    }
}
