package org.iep.adapters.hl7;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Primitive;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.model.Varies;
import ca.uhn.hl7v2.model.v25.datatype.CX;
import ca.uhn.hl7v2.model.v25.datatype.ED;
import ca.uhn.hl7v2.model.v25.group.ORU_R01_OBSERVATION;
import ca.uhn.hl7v2.model.v25.group.ORU_R01_ORDER_OBSERVATION;
import ca.uhn.hl7v2.model.v25.group.ORU_R01_PATIENT_RESULT;
import ca.uhn.hl7v2.model.v25.message.ACK;
import ca.uhn.hl7v2.model.v25.message.ORU_R01;
import ca.uhn.hl7v2.model.v25.segment.OBR;
import ca.uhn.hl7v2.model.v25.segment.OBX;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.iep.api.IepException;
import org.iep.api.InvalidInputException;
import org.iep.api.transaction.Party;
import org.iep.core.audit.ClientInfo;
import org.iep.core.report.IncomingReport;
import org.iep.core.report.Reports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one MLLP payload into reports and an ACK. Thread-safe (HAPI's parser is, per its documentation, when
 * shared through one context).
 *
 * <p>Each OBR group of an ORU^R01 is one order: its text OBX values (TX, FT, ST, lines joined in order) make one
 * text report, and each encapsulated document (ED, Base64) one more. The accession number is OBR-3 (filler
 * order number), else OBR-18, else OBR-2; the patient is PID-3's first identifier with its assigning authority.
 * The idempotency key is the sending application, facility and MSH-10, plus the position in the message.
 */
final class OruHandler {
    private static final Logger LOG = LoggerFactory.getLogger(OruHandler.class);
    private static final Party LISTENER = new Party.System("hl7");

    /** A reply and what happened, for the listener's log and the tests. */
    record Answer(byte[] ack, String code, int stored, int duplicates) {
    }

    private final Reports reports;
    private final HapiContext context;
    private final PipeParser parser;

    OruHandler(Reports reports) {
        this.reports = Objects.requireNonNull(reports, "reports");
        this.context = new DefaultHapiContext();
        // Every version a RIS may send is read into the 2.5 structures, which are backward compatible.
        context.setModelClassFactory(new CanonicalModelClassFactory("2.5"));
        this.parser = context.getPipeParser();
    }

    Answer handle(byte[] payload, String remote) {
        Optional<MshHeader> header = MshHeader.of(payload);
        String raw = new String(payload, StandardCharsets.ISO_8859_1);
        String source = "hl7:" + remote;
        if (header.isEmpty()) {
            reports.keepRejected(source, "not an HL7 v2 message (no MSH segment)", raw);
            return reject(Optional.empty(), AcknowledgmentCode.AR, ErrorCode.SEGMENT_SEQUENCE_ERROR,
                    "The message does not start with an MSH segment");
        }
        MshHeader msh = header.get();
        String text = new String(payload, msh.charset()).replace("\n", "\r").replace("\r\r", "\r");
        Message message;
        try {
            message = parser.parse(text);
        } catch (HL7Exception e) {
            reports.keepRejected(source, "unparseable: " + e.getErrorCode(), raw);
            AcknowledgmentCode code = e.getErrorCode() == ErrorCode.UNSUPPORTED_MESSAGE_TYPE.getCode()
                    || e.getErrorCode() == ErrorCode.UNSUPPORTED_VERSION_ID.getCode()
                    ? AcknowledgmentCode.AR : AcknowledgmentCode.AE;
            return reject(Optional.of(msh), code, ErrorCode.errorCodeFor(e.getErrorCode()),
                    "The message could not be parsed");
        } catch (RuntimeException e) {
            // HAPI throws unchecked exceptions on some garbage; it is still a malformed message, not our failure.
            reports.keepRejected(source, "unparseable: " + e.getClass().getSimpleName(), raw);
            return reject(Optional.of(msh), AcknowledgmentCode.AE, ErrorCode.SEGMENT_SEQUENCE_ERROR,
                    "The message could not be parsed");
        }
        if (!(message instanceof ORU_R01 oru)) {
            reports.keepRejected(source, "unsupported message type " + message.getName(), raw);
            return nak(message, msh, AcknowledgmentCode.AR, ErrorCode.UNSUPPORTED_MESSAGE_TYPE,
                    "Only ORU^R01 is accepted");
        }
        List<IncomingReport> found;
        try {
            found = extract(oru, msh);
        } catch (HL7Exception e) {
            reports.keepRejected(source, "unusable ORU: " + e.getMessage(), raw);
            return nak(message, msh, AcknowledgmentCode.AE, ErrorCode.errorCodeFor(e.getErrorCode()),
                    e.getMessage());
        }
        int stored = 0;
        int duplicates = 0;
        try {
            for (IncomingReport r : found) {
                if (reports.receive(r, LISTENER, new ClientInfo(remote)).duplicate()) {
                    duplicates++;
                } else {
                    stored++;
                }
            }
        } catch (InvalidInputException e) {
            reports.keepRejected(source, "refused report: " + e.errorCode().code(), raw);
            return nak(message, msh, AcknowledgmentCode.AE, ErrorCode.DATA_TYPE_ERROR,
                    "The report was refused: " + e.errorCode().code());
        } catch (IepException e) {
            // Storage failed: not the sender's fault and not stored, so no raw copy; the sender retries on AE.
            LOG.warn("HL7 report from {} not stored ({}); answered AE for a retry", remote, e.errorCode().code());
            return nak(message, msh, AcknowledgmentCode.AE, ErrorCode.APPLICATION_INTERNAL_ERROR,
                    "The report could not be stored now; send it again later");
        }
        return new Answer(encode(ack(message, AcknowledgmentCode.AA, null)), "AA", stored, duplicates);
    }

    private List<IncomingReport> extract(ORU_R01 oru, MshHeader msh) throws HL7Exception {
        if (msh.controlId().isBlank()) {
            throw new HL7Exception("MSH-10 (message control ID) is required", ErrorCode.REQUIRED_FIELD_MISSING);
        }
        List<IncomingReport> found = new ArrayList<>();
        int p = 0;
        for (ORU_R01_PATIENT_RESULT result : oru.getPATIENT_RESULTAll()) {
            p++;
            CX cx = result.getPATIENT().getPID().getPatientIdentifierList(0);
            String patientId = value(cx.getIDNumber());
            String issuer = value(cx.getAssigningAuthority().getNamespaceID());
            if (patientId.isEmpty()) {
                throw new HL7Exception("PID-3 (patient identifier) is required", ErrorCode.REQUIRED_FIELD_MISSING);
            }
            int o = 0;
            for (ORU_R01_ORDER_OBSERVATION order : result.getORDER_OBSERVATIONAll()) {
                o++;
                String accession = accession(order.getOBR());
                if (accession.isEmpty()) {
                    throw new HL7Exception("OBR-3 (accession number) is required",
                            ErrorCode.REQUIRED_FIELD_MISSING);
                }
                String key = msh.messageKey() + "#" + p + "." + o;
                found.addAll(reportsOf(order, key, accession, patientId, issuer));
            }
        }
        if (found.isEmpty()) {
            throw new HL7Exception("the message carries no report (no TX, FT, ST or ED observation)",
                    ErrorCode.REQUIRED_FIELD_MISSING);
        }
        return found;
    }

    private static List<IncomingReport> reportsOf(ORU_R01_ORDER_OBSERVATION order, String key, String accession,
                                                  String patientId, String issuer) throws HL7Exception {
        StringBuilder text = new StringBuilder();
        List<IncomingReport> docs = new ArrayList<>();
        for (ORU_R01_OBSERVATION observation : order.getOBSERVATIONAll()) {
            OBX obx = observation.getOBX();
            String type = value(obx.getValueType()).toUpperCase(Locale.ROOT);
            for (Varies v : obx.getObservationValue()) {
                Type data = v.getData();
                if (type.equals("ED") || data instanceof ED) {
                    docs.add(new IncomingReport(key + ".ed" + (docs.size() + 1), accession, patientId, issuer,
                            "report.pdf", decodeEd(data)));
                } else if (type.equals("TX") || type.equals("FT") || type.equals("ST")) {
                    String line = data instanceof Primitive prim ? prim.getValue() : data.encode();
                    if (line != null) {
                        if (!text.isEmpty()) {
                            text.append('\n');
                        }
                        // FT line breaks arrive as the \.br\ formatting command.
                        text.append(line.replace("\\.br\\", "\n"));
                    }
                }
            }
        }
        List<IncomingReport> out = new ArrayList<>();
        if (!text.isEmpty()) {
            out.add(IncomingReport.text(key + ".text", accession, patientId, issuer, text.toString()));
        }
        out.addAll(docs);
        return out;
    }

    private static byte[] decodeEd(Type data) throws HL7Exception {
        String encoding;
        String payload;
        if (data instanceof ED ed) {
            encoding = value(ed.getEncoding());
            payload = value(ed.getData());
        } else {
            // Unparsed ED (a generic composite): components are ^-separated, data is the 5th.
            String[] c = data.encode().split("\\^", -1);
            encoding = c.length > 3 ? c[3] : "";
            payload = c.length > 4 ? c[4] : "";
        }
        if (!encoding.equalsIgnoreCase("Base64")) {
            throw new HL7Exception("OBX-5 encapsulated data must be Base64 (ED-4)", ErrorCode.DATA_TYPE_ERROR);
        }
        try {
            return Base64.getMimeDecoder().decode(payload);
        } catch (IllegalArgumentException e) {
            throw new HL7Exception("OBX-5 encapsulated data is not valid Base64", ErrorCode.DATA_TYPE_ERROR);
        }
    }

    private static String accession(OBR obr) {
        String filler = value(obr.getFillerOrderNumber().getEntityIdentifier());
        if (!filler.isEmpty()) {
            return filler;
        }
        String placerField = value(obr.getPlacerField1());
        return !placerField.isEmpty() ? placerField : value(obr.getPlacerOrderNumber().getEntityIdentifier());
    }

    private static String value(Primitive p) {
        String v = p.getValue();
        return v == null ? "" : v.trim();
    }

    private Answer nak(Message message, MshHeader msh, AcknowledgmentCode code, ErrorCode error, String text) {
        try {
            return new Answer(encode(ack(message, code, new HL7Exception(text, error))), code.name(), 0, 0);
        } catch (RuntimeException e) {
            return reject(Optional.of(msh), code, error, text);
        }
    }

    /** An ACK for a message HAPI could not parse, built on a stand-in carrying the sender's MSH fields. */
    private Answer reject(Optional<MshHeader> msh, AcknowledgmentCode code, ErrorCode error, String text) {
        try {
            ACK standIn = new ACK();
            standIn.setParser(parser);
            standIn.initQuickstart("ORU", "R01", "P");
            if (msh.isPresent()) {
                standIn.getMSH().getSendingApplication().getNamespaceID().setValue(msh.get().sendingApplication());
                standIn.getMSH().getSendingFacility().getNamespaceID().setValue(msh.get().sendingFacility());
                standIn.getMSH().getMessageControlID().setValue(msh.get().controlId());
            } else {
                standIn.getMSH().getMessageControlID().setValue("");
            }
            return new Answer(encode(ack(standIn, code, new HL7Exception(text, error))), code.name(), 0, 0);
        } catch (HL7Exception | IOException e) {
            throw new IllegalStateException("HAPI could not build an ACK", e);
        }
    }

    private static Message ack(Message message, AcknowledgmentCode code, HL7Exception error) {
        try {
            return message.generateACK(code, error);
        } catch (HL7Exception | IOException e) {
            throw new IllegalStateException("HAPI could not build an ACK", e);
        }
    }

    private byte[] encode(Message ack) {
        try {
            return parser.encode(ack).getBytes(StandardCharsets.UTF_8);
        } catch (HL7Exception e) {
            throw new IllegalStateException("HAPI could not encode an ACK", e);
        }
    }

    HapiContext context() {
        return context;
    }
}
