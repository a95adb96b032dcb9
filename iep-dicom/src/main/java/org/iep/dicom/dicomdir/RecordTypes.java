package org.iep.dicom.dicomdir;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iep.dicom.dict.UidDictionary;
import org.iep.dicom.dict.UidEntry;

/**
 * Directory record types and their keys (PS3.3 F.5, with the additional keys of the STD-GEN general purpose
 * profiles of PS3.11 that dcmtk's {@code dcmmkdir -Pgp} also writes), and the record type of each storage SOP class
 * (PS3.3 Table F.4-1). Unknown and image SOP classes get IMAGE records, as in dcmtk. Hanging protocols, color
 * palettes and implant templates get records at the root, beside the patients; for implant assemblies and groups
 * the keys follow PS3.3 F.5 (IMPLANT ASSY: assembly name, issuer, procedure type; IMPLANT GROUP: group name,
 * description, issuer).
 */
final class RecordTypes {

    static final String PATIENT = "PATIENT";
    static final String STUDY = "STUDY";
    static final String SERIES = "SERIES";
    static final String IMAGE = "IMAGE";
    static final String SR_DOCUMENT = "SR DOCUMENT";
    static final String KEY_OBJECT_DOC = "KEY OBJECT DOC";
    static final String PRESENTATION = "PRESENTATION";

    private static final Map<String, List<RecordKey>> KEYS = keys();
    private static final Map<String, String> BY_SOP_CLASS = bySopClass();
    /** Record types that sit at the root of a file-set, beside the patients (PS3.3 F.4). */
    private static final List<String> ROOT_LEVEL = List.of("HANGING PROTOCOL", "PALETTE", "IMPLANT", "IMPLANT ASSY",
            "IMPLANT GROUP");

    private RecordTypes() {
    }

    /** The keys of a record type, in the order PS3.3 lists them. */
    static List<RecordKey> keys(String recordType) {
        List<RecordKey> k = KEYS.get(recordType);
        if (k == null) {
            throw new IllegalArgumentException("no keys for record type " + recordType);
        }
        return k;
    }

    /** The leaf record type for a SOP class. */
    static String forSopClass(String sopClassUid) {
        return BY_SOP_CLASS.getOrDefault(sopClassUid, IMAGE);
    }

    /** True for record types that belong at the file-set root (hanging protocols, palettes, implants). */
    static boolean isRootLevel(String recordType) {
        return ROOT_LEVEL.contains(recordType);
    }

    private static Map<String, List<RecordKey>> keys() {
        Map<String, List<RecordKey>> m = new LinkedHashMap<>();
        m.put(PATIENT, List.of(k("PatientID", 1), k("PatientName", 2)));
        m.put(STUDY, List.of(k("StudyDate", 1), k("StudyTime", 1), k("StudyDescription", 2),
                k("StudyInstanceUID", 1), k("StudyID", 1), k("AccessionNumber", 2)));
        m.put(SERIES, List.of(k("Modality", 1), k("SeriesInstanceUID", 1), k("SeriesNumber", 1)));
        m.put(IMAGE, List.of(k("InstanceNumber", 1), k("ImageType", 3), k("ReferencedImageSequence", 3)));
        m.put(SR_DOCUMENT, List.of(k("InstanceNumber", 1), k("CompletionFlag", 1), k("VerificationFlag", 1),
                k("ContentDate", 1), k("ContentTime", 1), k("ConceptNameCodeSequence", 1)));
        m.put(KEY_OBJECT_DOC, List.of(k("InstanceNumber", 1), k("ContentDate", 1), k("ContentTime", 1),
                k("ConceptNameCodeSequence", 1)));
        m.put(PRESENTATION, List.of(k("InstanceNumber", 1), k("ContentLabel", 1), k("ContentDescription", 2),
                k("PresentationCreationDate", 1), k("PresentationCreationTime", 1), k("ContentCreatorName", 2),
                k("ReferencedSeriesSequence", 3)));
        m.put("WAVEFORM", List.of(k("InstanceNumber", 1), k("ContentDate", 1), k("ContentTime", 1)));
        m.put("RT DOSE", List.of(k("InstanceNumber", 1), k("DoseSummationType", 1), k("DoseComment", 3),
                k("IconImageSequence", 3)));
        m.put("RT STRUCTURE SET", List.of(k("InstanceNumber", 1), k("StructureSetLabel", 1),
                k("StructureSetDate", 2), k("StructureSetTime", 2)));
        m.put("RT PLAN", List.of(k("InstanceNumber", 1), k("RTPlanLabel", 1), k("RTPlanDate", 2),
                k("RTPlanTime", 2)));
        m.put("RT TREAT RECORD", List.of(k("InstanceNumber", 1), k("TreatmentDate", 2), k("TreatmentTime", 2)));
        List<RecordKey> labelled = List.of(k("ContentDate", 1), k("ContentTime", 1), k("InstanceNumber", 1),
                k("ContentLabel", 1), k("ContentDescription", 2), k("ContentCreatorName", 2));
        for (String t : List.of("REGISTRATION", "FIDUCIAL", "VALUE MAP", "SURFACE", "MEASUREMENT", "TRACT")) {
            m.put(t, labelled);
        }
        m.put("RAW DATA", List.of(k("ContentDate", 1), k("ContentTime", 1), k("InstanceNumber", 2)));
        m.put("SPECTROSCOPY", List.of(k("ImageType", 1), k("ContentDate", 1), k("ContentTime", 1),
                k("InstanceNumber", 1), k("ReferencedImageEvidenceSequence", 3), k("NumberOfFrames", 1),
                k("Rows", 1), k("Columns", 1), k("DataPointRows", 1), k("DataPointColumns", 1)));
        m.put("ENCAP DOC", List.of(k("ContentDate", 2), k("ContentTime", 2), k("InstanceNumber", 1),
                k("DocumentTitle", 2), k("HL7InstanceIdentifier", 3), k("ConceptNameCodeSequence", 2),
                k("MIMETypeOfEncapsulatedDocument", 1)));
        m.put("STEREOMETRIC", List.of());
        m.put("PLAN", List.of());
        m.put("SURFACE SCAN", List.of(k("ContentDate", 1), k("ContentTime", 1)));
        m.put("ASSESSMENT", List.of(k("InstanceNumber", 1), k("InstanceCreationDate", 1),
                k("InstanceCreationTime", 2)));
        m.put("RADIOTHERAPY", List.of(k("InstanceNumber", 1), k("UserContentLabel", 3), k("UserContentLongLabel", 3),
                k("ContentDescription", 2), k("ContentCreatorName", 2)));
        m.put("HANGING PROTOCOL", List.of(k("HangingProtocolName", 1), k("HangingProtocolDescription", 1),
                k("HangingProtocolLevel", 1), k("HangingProtocolCreator", 1), k("HangingProtocolCreationDateTime", 1),
                k("HangingProtocolDefinitionSequence", 1), k("NumberOfPriorsReferenced", 1),
                k("HangingProtocolUserIdentificationCodeSequence", 2)));
        m.put("PALETTE", List.of(k("ContentLabel", 1), k("ContentDescription", 2)));
        m.put("IMPLANT", List.of(k("Manufacturer", 1), k("ImplantName", 1), k("ImplantSize", 3),
                k("ImplantPartNumber", 1)));
        m.put("IMPLANT ASSY", List.of(k("ImplantAssemblyTemplateName", 1), k("ImplantAssemblyTemplateIssuer", 1),
                k("ProcedureTypeCodeSequence", 1)));
        m.put("IMPLANT GROUP", List.of(k("ImplantTemplateGroupName", 1), k("ImplantTemplateGroupDescription", 3),
                k("ImplantTemplateGroupIssuer", 1)));
        return m;
    }

    private static Map<String, String> bySopClass() {
        Map<String, String> m = new HashMap<>();
        for (UidEntry e : UidDictionary.standard().entries()) {
            if (!"SOP Class".equals(e.type())) {
                continue;
            }
            String family = family(e.keyword(), e.name());
            if (family != null) {
                m.put(e.uid(), family);
            }
        }
        return m;
    }

    /** Nullable: the record type of a SOP class by its keyword and name, null for IMAGE. */
    private static String family(String keyword, String name) {
        Map<String, String> exact = Map.ofEntries(
                Map.entry("KeyObjectSelectionDocumentStorage", KEY_OBJECT_DOC),
                Map.entry("SpectaclePrescriptionReportStorage", SR_DOCUMENT),
                Map.entry("MacularGridThicknessAndVolumeReportStorage", SR_DOCUMENT),
                Map.entry("ProcedureLogStorage", SR_DOCUMENT),
                Map.entry("BasicStructuredDisplayStorage", PRESENTATION),
                Map.entry("RTDoseStorage", "RT DOSE"),
                Map.entry("RTStructureSetStorage", "RT STRUCTURE SET"),
                Map.entry("RTPlanStorage", "RT PLAN"),
                Map.entry("RTIonPlanStorage", "RT PLAN"),
                Map.entry("RTBeamsTreatmentRecordStorage", "RT TREAT RECORD"),
                Map.entry("RTBrachyTreatmentRecordStorage", "RT TREAT RECORD"),
                Map.entry("RTTreatmentSummaryRecordStorage", "RT TREAT RECORD"),
                Map.entry("RTIonBeamsTreatmentRecordStorage", "RT TREAT RECORD"),
                Map.entry("SpatialRegistrationStorage", "REGISTRATION"),
                Map.entry("DeformableSpatialRegistrationStorage", "REGISTRATION"),
                Map.entry("SpatialFiducialsStorage", "FIDUCIAL"),
                Map.entry("RawDataStorage", "RAW DATA"),
                Map.entry("MRSpectroscopyStorage", "SPECTROSCOPY"),
                Map.entry("RealWorldValueMappingStorage", "VALUE MAP"),
                Map.entry("StereometricRelationshipStorage", "STEREOMETRIC"),
                Map.entry("SurfaceSegmentationStorage", "SURFACE"),
                Map.entry("IntraocularLensCalculationsStorage", "MEASUREMENT"),
                Map.entry("RTBeamsDeliveryInstructionStorage", "PLAN"),
                Map.entry("RTBrachyApplicationSetupDeliveryInstructionStorage", "PLAN"),
                Map.entry("SurfaceScanMeshStorage", "SURFACE SCAN"),
                Map.entry("SurfaceScanPointCloudStorage", "SURFACE SCAN"),
                Map.entry("TractographyResultsStorage", "TRACT"),
                Map.entry("ContentAssessmentResultsStorage", "ASSESSMENT"),
                Map.entry("RTPhysicianIntentStorage", "RADIOTHERAPY"),
                Map.entry("RTSegmentAnnotationStorage", "RADIOTHERAPY"),
                Map.entry("HangingProtocolStorage", "HANGING PROTOCOL"),
                Map.entry("ColorPaletteStorage", "PALETTE"),
                Map.entry("GenericImplantTemplateStorage", "IMPLANT"),
                Map.entry("ImplantAssemblyTemplateStorage", "IMPLANT ASSY"),
                Map.entry("ImplantTemplateGroupStorage", "IMPLANT GROUP"));
        String t = exact.get(keyword);
        if (t != null) {
            return t;
        }
        if (name.endsWith("SR Storage")) {
            return SR_DOCUMENT;
        }
        if (name.endsWith("Waveform Storage")) {
            return "WAVEFORM";
        }
        if (name.startsWith("Encapsulated ") && name.endsWith(" Storage")) {
            return "ENCAP DOC";
        }
        if (name.endsWith("Presentation State Storage")) {
            return PRESENTATION;
        }
        if (name.endsWith("Measurements Storage")) {
            return "MEASUREMENT";
        }
        return null;
    }

    private static RecordKey k(String keyword, int type) {
        return RecordKey.of(keyword, type);
    }
}
