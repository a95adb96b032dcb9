package org.iep.dicom.net;

import javax.net.ssl.SSLContext;

/**
 * Transport and timing options of an association.
 *
 * @param maxPduReceive the maximum P-DATA-TF length we announce and accept (larger PDUs abort the association)
 * @param maxPduSend cap on the PDUs we send (the peer's announced maximum applies when smaller; used alone when
 *     the peer announces 0, "unlimited")
 * @param artimMillis ARTIM timer: how long we wait for A-ASSOCIATE-RQ/AC and A-RELEASE-RP
 * @param idleMillis how long an established association may stay silent before it is aborted
 * @param connectMillis TCP connect timeout
 * @param tls the TLS context, or null for plain TCP
 * @param needClientAuth for an SCP with TLS: require a client certificate
 */
public record NetOptions(int maxPduReceive, int maxPduSend, int artimMillis, int idleMillis, int connectMillis,
        SSLContext tls, boolean needClientAuth) {

    /** dcmtk's default maximum PDU length, and what most peers use. */
    public static final int DEFAULT_MAX_PDU = 16384;

    public NetOptions {
        if (maxPduReceive < 4096 || maxPduReceive > (1 << 24)) {
            throw new IllegalArgumentException("maxPduReceive must be between 4096 and 16 MiB");
        }
        if (maxPduSend < 4096 || maxPduSend > (1 << 24)) {
            throw new IllegalArgumentException("maxPduSend must be between 4096 and 16 MiB");
        }
        if (artimMillis <= 0 || idleMillis <= 0 || connectMillis <= 0) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /** Plain TCP, 64 KiB PDUs both ways (the peer's smaller maximum wins), 30 s ARTIM, 5 min idle, 10 s connect. */
    public static NetOptions defaults() {
        return new NetOptions(65536, 65536, 30_000, 300_000, 10_000, null, false);
    }

    public NetOptions withTimeouts(int artim, int idle) {
        return new NetOptions(maxPduReceive, maxPduSend, artim, idle, connectMillis, tls, needClientAuth);
    }

    public NetOptions withMaxPdu(int receive, int send) {
        return new NetOptions(receive, send, artimMillis, idleMillis, connectMillis, tls, needClientAuth);
    }

    public NetOptions withTls(SSLContext context, boolean clientAuth) {
        return new NetOptions(maxPduReceive, maxPduSend, artimMillis, idleMillis, connectMillis, context, clientAuth);
    }
}
