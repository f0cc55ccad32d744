package id.warta.membership;

import java.time.Instant;
import java.util.Optional;

/**
 * Account persistence with single-item conditional writes only. An address belongs to an account
 * through a separate ownership item, claimed once; the account item is written first, so a crash
 * in between leaves at most an unreachable account item, never an address pointing nowhere.
 * Provider identities (social sign-in) are linked the same way, through their own items.
 */
public interface AccountStore {

    /** Writes a new account item (its id is fresh, so it cannot collide). */
    void create(Account account);

    /** Claims the normalised address for the account; false when another account owns it. */
    boolean claimEmail(String email, String accountId);

    /** Removes an account item whose address claim failed. */
    void discard(String accountId);

    Optional<Account> find(String accountId);

    /**
     * The account that owns the address. Makes the same calls whether or not there is one (the
     * owner item, then the account or a stand-in read), so that its time tells nothing.
     */
    Optional<Account> findByEmail(String email);

    /**
     * A read of an item that never exists, as long as a read of an account item: made in place of a
     * read that a request has no use for, so that it takes as long as one that has.
     */
    void standInRead();

    /**
     * A conditional write to an item that never exists, whose condition keeps it from being created:
     * made in place of a write that a request has no use for, so that it takes as long as one that has.
     */
    void standInWrite();

    /**
     * Adds a new link of its purpose beside the current one (replacing a newer link that was added
     * but never promoted), with the registration it carries: the reader's earlier link keeps working
     * until {@link #promoteToken}.
     */
    void addToken(String accountId, TokenPurpose purpose, Account.PendingToken link);

    /**
     * Makes the added link (with its registration) the only one of its purpose, so the earlier link
     * stops working; called once the new link's email is queued. Does nothing when that link is no
     * longer the added one.
     */
    void promoteToken(String accountId, TokenPurpose purpose, String hash);

    /**
     * Activates with the password hash and name of the registration the link carries, bumps the
     * credential version (revoking every access token issued before, such as one a first registrant
     * of someone else's address signed in with) and uses up every activation link, in one
     * conditional write; false when the link is not a valid one.
     */
    boolean activate(String accountId, String tokenHash, Account.Registration registration);

    /**
     * Sets the new password hash, bumps the credential version (revoking access tokens) and uses up
     * every reset link, in one conditional write; false when the link is not a valid one.
     */
    boolean resetPassword(String accountId, String tokenHash, String passwordHash);

    /**
     * Raises the credential version (revoking every access token and ending every session issued
     * under it) if it is still {@code credentialVersion}; a retry, or a reset in between, finds it
     * raised already, and the revocation happened either way.
     */
    void revokeCredentials(String accountId, long credentialVersion);

    /** @param until null clears the subscription; false when there is no such account. */
    boolean setSubscriberUntil(String accountId, Instant until);

    /** The account a provider identity (the provider's stable subject id) is linked to. */
    Optional<Account> findByIdentity(String provider, String subject);

    /** Links a provider identity to the account, once; false when the identity is already linked. */
    boolean linkIdentity(String provider, String subject, String accountId, Instant linkedAt);

    /**
     * Activates an unactivated account whose address a provider has just vouched for. Whoever
     * registered it never proved owning the address, so the password they chose is removed (the
     * owner can set one with a reset link) and their access tokens revoked; the pending activation
     * link is used up. Does nothing to an account that is already activated.
     */
    void activateForVerifiedOwner(String accountId);
}
