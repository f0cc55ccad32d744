package id.warta.paywall;

import id.warta.content.AccessLevel;

/**
 * The contract's Access: {"level", "granted", "reason", "meter"}. A reader who is not granted access
 * with a null reason may unlock the article with a free credit; {@code meter} is null exactly for
 * anonymous readers.
 */
public record Access(AccessLevel level, boolean granted, AccessReason reason, MeterJson meter) {
}
