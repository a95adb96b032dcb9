package org.iep.dicom.net.dimse;

import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import org.iep.dicom.net.NetOptions;

/**
 * Configuration of a {@link DicomServer}.
 *
 * @param aeTitle our AE title; associations calling another title are rejected (null accepts any)
 * @param peerAllowed decides on (calling AE title, remote IP); refused peers get A-ASSOCIATE-RJ
 * @param maxAssociations more concurrent associations are rejected (transient, local limit exceeded)
 * @param store the storage sink, or null to refuse storage SOP classes
 * @param find the C-FIND handler, or null
 * @param listener audit events
 * @param move the C-MOVE handler (files and destinations), or null
 * @param get the C-GET handler, or null; with it storage contexts are accepted for C-GET sub-operations
 * @param calledAllowed decides on the called AE title (trailing spaces removed); others get A-ASSOCIATE-RJ
 *                      "called-AE title not recognized". By default: equal to {@code aeTitle}, or any when null
 * @param commitment    the storage commitment SCP (N-ACTION), or null
 * @param commitmentReports where N-EVENT-REPORTs for our own commitment requests go, or null
 */
public record ServerConfig(String aeTitle, BiPredicate<String, String> peerAllowed, int maxAssociations,
        NetOptions options, StoreHandler store, FindHandler find, NetListener listener, MoveHandler move,
        GetHandler get, Predicate<String> calledAllowed, CommitmentScp commitment,
        PendingCommitments commitmentReports) {
    /** Without storage commitment. */
    public ServerConfig(String aeTitle, BiPredicate<String, String> peerAllowed, int maxAssociations,
            NetOptions options, StoreHandler store, FindHandler find, NetListener listener, MoveHandler move,
            GetHandler get, Predicate<String> calledAllowed) {
        this(aeTitle, peerAllowed, maxAssociations, options, store, find, listener, move, get, calledAllowed, null,
                null);
    }

    /** Answering to {@code aeTitle} only (any called AE title when it is null). */
    public ServerConfig(String aeTitle, BiPredicate<String, String> peerAllowed, int maxAssociations,
            NetOptions options, StoreHandler store, FindHandler find, NetListener listener, MoveHandler move,
            GetHandler get) {
        this(aeTitle, peerAllowed, maxAssociations, options, store, find, listener, move, get,
                aeTitle == null ? ae -> true : aeTitle::equals);
    }

    /** Without retrieve services. */
    public ServerConfig(String aeTitle, BiPredicate<String, String> peerAllowed, int maxAssociations,
            NetOptions options, StoreHandler store, FindHandler find, NetListener listener) {
        this(aeTitle, peerAllowed, maxAssociations, options, store, find, listener, null, null);
    }

    public ServerConfig {
        Objects.requireNonNull(peerAllowed);
        Objects.requireNonNull(options);
        Objects.requireNonNull(listener);
        Objects.requireNonNull(calledAllowed);
        if (maxAssociations < 1) {
            throw new IllegalArgumentException("maxAssociations must be positive");
        }
    }

    /** Verification and storage for any peer. */
    public static ServerConfig storage(String aeTitle, StoreHandler store) {
        return new ServerConfig(aeTitle, (ae, ip) -> true, 200, NetOptions.defaults(), store, null, NetListener.NONE);
    }

    public ServerConfig withOptions(NetOptions o) {
        return new ServerConfig(aeTitle, peerAllowed, maxAssociations, o, store, find, listener, move, get,
                calledAllowed, commitment, commitmentReports);
    }

    public ServerConfig withFind(FindHandler f) {
        return new ServerConfig(aeTitle, peerAllowed, maxAssociations, options, store, f, listener, move, get,
                calledAllowed, commitment, commitmentReports);
    }

    public ServerConfig withListener(NetListener l) {
        return new ServerConfig(aeTitle, peerAllowed, maxAssociations, options, store, find, l, move, get,
                calledAllowed, commitment, commitmentReports);
    }

    public ServerConfig withMaxAssociations(int n) {
        return new ServerConfig(aeTitle, peerAllowed, n, options, store, find, listener, move, get, calledAllowed,
                commitment, commitmentReports);
    }

    public ServerConfig withMove(MoveHandler m) {
        return new ServerConfig(aeTitle, peerAllowed, maxAssociations, options, store, find, listener, m, get,
                calledAllowed, commitment, commitmentReports);
    }

    public ServerConfig withGet(GetHandler g) {
        return new ServerConfig(aeTitle, peerAllowed, maxAssociations, options, store, find, listener, move, g,
                calledAllowed, commitment, commitmentReports);
    }

    /** Answers to the called AE titles {@code allowed} accepts (one SCP serving several titles, e.g. routes). */
    public ServerConfig withCalledAllowed(Predicate<String> allowed) {
        return new ServerConfig(aeTitle, peerAllowed, maxAssociations, options, store, find, listener, move, get,
                allowed, commitment, commitmentReports);
    }

    public ServerConfig withPeerAllowed(BiPredicate<String, String> p) {
        return new ServerConfig(aeTitle, p, maxAssociations, options, store, find, listener, move, get, calledAllowed,
                commitment, commitmentReports);
    }

    /** Serves storage commitment requests (N-ACTION) with {@code scp}. */
    public ServerConfig withCommitment(CommitmentScp scp) {
        return new ServerConfig(aeTitle, peerAllowed, maxAssociations, options, store, find, listener, move, get,
                calledAllowed, scp, commitmentReports);
    }

    /** Takes N-EVENT-REPORTs for the storage commitment requests waiting in {@code pending}. */
    public ServerConfig withCommitmentReports(PendingCommitments pending) {
        return new ServerConfig(aeTitle, peerAllowed, maxAssociations, options, store, find, listener, move, get,
                calledAllowed, commitment, pending);
    }
}
