package org.iep.app.dicomweb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.iep.api.content.IndexedInstance;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.VR;
import org.iep.dicom.io.DicomFile;

/** QIDO-RS result sets (PS3.18 10.6.3): one data set per study, series or instance, with the required keys. */
final class QidoJson {
    static final int STUDY_DATE = 0x00080020;
    static final int STUDY_TIME = 0x00080030;
    static final int ACCESSION = 0x00080050;
    static final int MODALITIES_IN_STUDY = 0x00080061;
    static final int MODALITY = 0x00080060;
    static final int PATIENT_NAME = 0x00100010;
    static final int PATIENT_ID = 0x00100020;
    static final int PATIENT_BIRTH_DATE = 0x00100030;
    static final int STUDY_UID = 0x0020000D;
    static final int SERIES_UID = 0x0020000E;
    static final int STUDY_ID = 0x00200010;
    static final int SERIES_NUMBER = 0x00200011;
    static final int INSTANCE_NUMBER = 0x00200013;
    static final int SOP_CLASS = 0x00080016;
    static final int SOP_INSTANCE = 0x00080018;
    static final int STUDY_DESCRIPTION = 0x00081030;
    static final int SERIES_DESCRIPTION = 0x0008103E;
    static final int STUDY_INSTANCES = 0x00201208;
    static final int SERIES_INSTANCES = 0x00201209;
    static final int STUDY_SERIES = 0x00201206;
    static final int RETRIEVE_URL = 0x00081190;
    static final int SPECIFIC_CHARACTER_SET = 0x00080005;
    static final int ROWS = 0x00280010;
    static final int COLUMNS = 0x00280011;
    static final int FRAMES = 0x00280008;

    private QidoJson() {
    }

    static List<Attributes> studies(List<IndexedInstance> all, Function<IndexedInstance, DicomFile> header,
                                    String base) {
        Map<String, List<IndexedInstance>> byStudy = group(all, IndexedInstance::studyInstanceUid);
        List<Attributes> out = new ArrayList<>();
        for (var e : byStudy.entrySet()) {
            Attributes h = header.apply(e.getValue().get(0)).dataSet();
            Attributes a = new Attributes();
            copy(h, a, SPECIFIC_CHARACTER_SET);
            copy(h, a, STUDY_DATE);
            copy(h, a, STUDY_TIME);
            copy(h, a, ACCESSION);
            Set<String> modalities = new LinkedHashSet<>();
            e.getValue().forEach(i -> {
                if (!i.modality().isEmpty()) {
                    modalities.add(i.modality());
                }
            });
            a.setString(MODALITIES_IN_STUDY, VR.CS, modalities.toArray(String[]::new));
            copy(h, a, STUDY_DESCRIPTION);
            copy(h, a, PATIENT_NAME);
            copy(h, a, PATIENT_ID);
            copy(h, a, PATIENT_BIRTH_DATE);
            a.setString(STUDY_UID, VR.UI, e.getKey());
            copy(h, a, STUDY_ID);
            a.setString(STUDY_SERIES, VR.IS, String.valueOf(group(e.getValue(),
                    IndexedInstance::seriesInstanceUid).size()));
            a.setString(STUDY_INSTANCES, VR.IS, String.valueOf(e.getValue().size()));
            a.setString(RETRIEVE_URL, VR.UR, base + "/studies/" + e.getKey());
            out.add(a);
        }
        return out;
    }

    static List<Attributes> series(List<IndexedInstance> all, Function<IndexedInstance, DicomFile> header,
                                   String base) {
        List<Attributes> out = new ArrayList<>();
        for (var e : group(all, IndexedInstance::seriesInstanceUid).entrySet()) {
            IndexedInstance first = e.getValue().get(0);
            Attributes h = header.apply(first).dataSet();
            Attributes a = new Attributes();
            copy(h, a, SPECIFIC_CHARACTER_SET);
            a.setString(MODALITY, VR.CS, first.modality());
            copy(h, a, SERIES_DESCRIPTION);
            a.setString(SERIES_UID, VR.UI, e.getKey());
            copy(h, a, SERIES_NUMBER);
            a.setString(SERIES_INSTANCES, VR.IS, String.valueOf(e.getValue().size()));
            a.setString(RETRIEVE_URL, VR.UR, base + "/studies/" + first.studyInstanceUid() + "/series/" + e.getKey());
            out.add(a);
        }
        return out;
    }

    static List<Attributes> instances(List<IndexedInstance> all, Function<IndexedInstance, DicomFile> header,
                                      String base) {
        List<Attributes> out = new ArrayList<>();
        for (IndexedInstance i : all) {
            Attributes h = header.apply(i).dataSet();
            Attributes a = new Attributes();
            a.setString(SOP_CLASS, VR.UI, i.sopClassUid());
            a.setString(SOP_INSTANCE, VR.UI, i.sopInstanceUid());
            copy(h, a, INSTANCE_NUMBER);
            copy(h, a, ROWS);
            copy(h, a, COLUMNS);
            copy(h, a, FRAMES);
            a.setString(RETRIEVE_URL, VR.UR, base + "/studies/" + i.studyInstanceUid() + "/series/"
                    + i.seriesInstanceUid() + "/instances/" + i.sopInstanceUid());
            out.add(a);
        }
        return out;
    }

    static Optional<String> only(Map<String, String[]> params, String keyword, int tag) {
        for (String key : List.of(keyword, String.format("%08X", tag))) {
            String[] v = params.get(key);
            if (v != null && v.length > 0 && !v[0].isBlank()) {
                return Optional.of(v[0].strip());
            }
        }
        return Optional.empty();
    }

    private static void copy(Attributes from, Attributes to, int tag) {
        if (from.contains(tag)) {
            to.set(from.get(tag));
        }
    }

    private static Map<String, List<IndexedInstance>> group(List<IndexedInstance> all,
                                                             Function<IndexedInstance, String> key) {
        Map<String, List<IndexedInstance>> m = new LinkedHashMap<>();
        for (IndexedInstance i : all) {
            m.computeIfAbsent(key.apply(i), k -> new ArrayList<>()).add(i);
        }
        return m;
    }
}
