package org.iep.dicom.net.pdu;

import java.util.List;
import java.util.Objects;

/** One PS3.8 protocol data unit. */
public sealed interface Pdu {

    /** PDU type codes (PS3.8 9.3). */
    int ASSOCIATE_RQ = 0x01, ASSOCIATE_AC = 0x02, ASSOCIATE_RJ = 0x03, P_DATA_TF = 0x04, RELEASE_RQ = 0x05,
            RELEASE_RP = 0x06, ABORT = 0x07;

    /** The DICOM application context name, the only one PS3.7 defines. */
    String APPLICATION_CONTEXT = "1.2.840.10008.3.1.1.1";

    /** A-ASSOCIATE-RQ. */
    record AssociateRq(String calledAe, String callingAe, String applicationContext,
            List<PresentationContext> contexts, UserInformation userInfo) implements Pdu {
        public AssociateRq {
            Objects.requireNonNull(calledAe);
            Objects.requireNonNull(callingAe);
            Objects.requireNonNull(applicationContext);
            contexts = List.copyOf(contexts);
            Objects.requireNonNull(userInfo);
        }
    }

    /** A-ASSOCIATE-AC; the AE titles echo the request (PS3.8 says "not tested" but peers compare them). */
    record AssociateAc(String calledAe, String callingAe, String applicationContext,
            List<PresentationContext> contexts, UserInformation userInfo) implements Pdu {
        public AssociateAc {
            Objects.requireNonNull(calledAe);
            Objects.requireNonNull(callingAe);
            Objects.requireNonNull(applicationContext);
            contexts = List.copyOf(contexts);
            Objects.requireNonNull(userInfo);
        }
    }

    /**
     * A-ASSOCIATE-RJ.
     *
     * @param result 1 rejected-permanent, 2 rejected-transient
     * @param source 1 service-user, 2 service-provider (ACSE), 3 service-provider (presentation)
     * @param reason meaning depends on the source (PS3.8 table 9-21)
     */
    record AssociateRj(int result, int source, int reason) implements Pdu {
        public static final int PERMANENT = 1, TRANSIENT = 2;
        public static final int SOURCE_USER = 1, SOURCE_ACSE = 2, SOURCE_PRESENTATION = 3;
        /** Reasons for {@link #SOURCE_USER}. */
        public static final int NO_REASON = 1, APP_CONTEXT_NOT_SUPPORTED = 2, CALLING_AE_NOT_RECOGNIZED = 3,
                CALLED_AE_NOT_RECOGNIZED = 7;
        /** Reasons for {@link #SOURCE_PRESENTATION}. */
        public static final int CONGESTION = 1, LOCAL_LIMIT_EXCEEDED = 2;

        /** A readable explanation without peer-supplied text. */
        public String describe() {
            String r = switch (source * 100 + reason) {
                case 101 -> "no reason given";
                case 102 -> "application context not supported";
                case 103 -> "calling AE title not recognized";
                case 107 -> "called AE title not recognized";
                case 201 -> "no reason given (ACSE)";
                case 202 -> "protocol version not supported";
                case 301 -> "temporary congestion";
                case 302 -> "local limit exceeded";
                default -> "source " + source + " reason " + reason;
            };
            return (result == TRANSIENT ? "transient" : "permanent") + " rejection: " + r;
        }
    }

    /** P-DATA-TF with one or more presentation data values. */
    record PData(List<Pdv> pdvs) implements Pdu {
        public PData {
            pdvs = List.copyOf(pdvs);
        }
    }

    /** A-RELEASE-RQ. */
    record ReleaseRq() implements Pdu {
    }

    /** A-RELEASE-RP. */
    record ReleaseRp() implements Pdu {
    }

    /**
     * A-ABORT.
     *
     * @param source 0 service-user, 2 service-provider
     * @param reason for provider aborts: 0 not specified, 1 unrecognized PDU, 2 unexpected PDU, 4 unrecognized
     *     parameter, 5 unexpected parameter, 6 invalid parameter value
     */
    record Abort(int source, int reason) implements Pdu {
        public static final int SOURCE_USER = 0, SOURCE_PROVIDER = 2;
        public static final int NOT_SPECIFIED = 0, UNRECOGNIZED_PDU = 1, UNEXPECTED_PDU = 2,
                UNRECOGNIZED_PARAMETER = 4, UNEXPECTED_PARAMETER = 5, INVALID_PARAMETER = 6;
    }
}
