package org.iep.dicom.net.pdu;

import java.util.ArrayList;
import java.util.List;

/**
 * Decoding of the A-ASSOCIATE items inside a PDU (PS3.8 9.3.2.2, 9.3.3.3 and Annex D): presentation contexts and
 * user information with its sub-items. Every length is checked against what is left of its container.
 */
final class PduItems {
    /** Largest user identity field we accept (a SAML assertion or JWT can be several kB). */
    private static final int MAX_IDENTITY_FIELD = 1 << 16;

    private PduItems() {
    }

    static PresentationContext context(int itemType, byte[] b, int start, int len) {
        if (len < 4) {
            throw PduCodec.malformed("presentation context item shorter than 4 bytes");
        }
        int id = b[start] & 0xFF;
        if ((id & 1) == 0) {
            throw PduCodec.malformed("even presentation context ID " + id);
        }
        int result = b[start + 2] & 0xFF;
        String abstractSyntax = null;
        List<String> ts = new ArrayList<>();
        int pos = start + 4;
        int end = start + len;
        while (pos < end) {
            if (end - pos < 4) {
                throw PduCodec.malformed("truncated presentation context sub-item");
            }
            int sub = b[pos] & 0xFF;
            int sl = PduCodec.u16(b, pos + 2);
            if (sl > end - pos - 4) {
                throw PduCodec.malformed("presentation context sub-item length runs past its item");
            }
            if (sub == 0x30 && itemType == 0x20) {
                if (abstractSyntax != null) {
                    throw PduCodec.malformed("two abstract syntaxes in presentation context " + id);
                }
                abstractSyntax = PduCodec.uid(b, pos + 4, sl, "abstract syntax");
            } else if (sub == 0x40) {
                ts.add(PduCodec.uid(b, pos + 4, sl, "transfer syntax"));
            } else {
                throw PduCodec.malformed("unexpected presentation context sub-item 0x" + Integer.toHexString(sub));
            }
            pos += 4 + sl;
        }
        if (itemType == 0x20) {
            if (abstractSyntax == null || ts.isEmpty()) {
                throw PduCodec.malformed("presentation context " + id + " without abstract or transfer syntax");
            }
            return PresentationContext.proposed(id, abstractSyntax, ts);
        }
        if (result > 4) {
            throw PduCodec.malformed("presentation context result " + result);
        }
        if (result == PresentationContext.ACCEPTANCE && ts.size() != 1) {
            throw PduCodec.malformed("accepted presentation context " + id + " without exactly one transfer syntax");
        }
        return PresentationContext.answered(id, result, result == 0 ? ts.get(0) : null);
    }

    static UserInformation userInfo(byte[] b, int start, int len) {
        long maxPdu = -1;
        String implUid = null;
        String implVersion = null;
        int opsInvoked = -1;
        int opsPerformed = -1;
        List<RoleSelection> roles = new ArrayList<>();
        UserIdentity identity = null;
        byte[] identityResponse = null;
        int pos = start;
        int end = start + len;
        while (pos < end) {
            if (end - pos < 4) {
                throw PduCodec.malformed("truncated user information sub-item");
            }
            int sub = b[pos] & 0xFF;
            int sl = PduCodec.u16(b, pos + 2);
            int s = pos + 4;
            if (sl > end - s) {
                throw PduCodec.malformed("user information sub-item 0x" + Integer.toHexString(sub) + " runs past its item");
            }
            switch (sub) {
                case 0x51 -> {
                    if (sl != 4) {
                        throw PduCodec.malformed("maximum length sub-item of " + sl + " bytes");
                    }
                    maxPdu = PduCodec.u32(b, s);
                }
                case 0x52 -> implUid = PduCodec.uid(b, s, sl, "implementation class UID");
                case 0x53 -> {
                    if (sl != 4) {
                        throw PduCodec.malformed("asynchronous operations sub-item of " + sl + " bytes");
                    }
                    opsInvoked = PduCodec.u16(b, s);
                    opsPerformed = PduCodec.u16(b, s + 2);
                }
                case 0x54 -> {
                    if (sl < 4) {
                        throw PduCodec.malformed("role selection sub-item too short");
                    }
                    int ul = PduCodec.u16(b, s);
                    if (ul + 4 != sl) {
                        throw PduCodec.malformed("role selection UID length does not match its sub-item");
                    }
                    roles.add(new RoleSelection(PduCodec.uid(b, s + 2, ul, "role selection SOP class"),
                            b[s + 2 + ul] != 0, b[s + 3 + ul] != 0));
                }
                case 0x55 -> {
                    if (sl > 16) {
                        throw PduCodec.malformed("implementation version name longer than 16 characters");
                    }
                    implVersion = PduCodec.text(b, s, sl);
                }
                case 0x58 -> identity = identity(b, s, sl);
                case 0x59 -> {
                    if (sl < 2 || PduCodec.u16(b, s) != sl - 2) {
                        throw PduCodec.malformed("user identity response length does not match its sub-item");
                    }
                    identityResponse = PduCodec.slice(b, s + 2, sl - 2);
                }
                // 0x56 SOP class extended, 0x57 common extended negotiation: optional, we do not use them
                case 0x56, 0x57 -> {
                }
                default -> throw PduCodec.malformed("unknown user information sub-item 0x" + Integer.toHexString(sub));
            }
            pos = s + sl;
        }
        if (maxPdu < 0) {
            throw PduCodec.malformed("user information without a maximum length sub-item");
        }
        if (implUid == null) {
            throw PduCodec.malformed("user information without an implementation class UID");
        }
        return new UserInformation(maxPdu, implUid, implVersion, opsInvoked, opsPerformed, roles, identity,
                identityResponse);
    }

    private static UserIdentity identity(byte[] b, int s, int sl) {
        if (sl < 6) {
            throw PduCodec.malformed("user identity sub-item too short");
        }
        int type = b[s] & 0xFF;
        if (type < 1 || type > 5) {
            throw PduCodec.malformed("user identity type " + type);
        }
        int pl = PduCodec.u16(b, s + 2);
        if (pl > sl - 6 || pl > MAX_IDENTITY_FIELD) {
            throw PduCodec.malformed("user identity primary field length does not fit");
        }
        int sec = PduCodec.u16(b, s + 4 + pl);
        if (4 + pl + 2 + sec != sl) {
            throw PduCodec.malformed("user identity secondary field length does not match its sub-item");
        }
        return new UserIdentity(type, b[s + 1] != 0, PduCodec.slice(b, s + 4, pl), PduCodec.slice(b, s + 6 + pl, sec));
    }

    // ------------------------------------------------------------------ writing
}
