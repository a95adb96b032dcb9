package org.iep.adapters.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.iep.api.report.StoredReport;
import org.iep.core.audit.Auditor;
import org.iep.core.id.IdGenerator;
import org.iep.core.report.ReportSettings;
import org.iep.core.report.Reports;
import org.iep.testkit.TestClock;
import org.iep.testkit.memory.InMemoryAuditLog;
import org.iep.testkit.memory.InMemoryBlobStore;
import org.iep.testkit.memory.InMemoryReportStore;
import org.iep.testkit.memory.InMemoryTransactionStore;
import org.junit.jupiter.api.Test;

class OruHandlerTest {
    final TestClock clock = TestClock.create();
    final InMemoryReportStore store = new InMemoryReportStore();
    final Reports reports = new Reports(store, new InMemoryTransactionStore(), new InMemoryBlobStore(),
            new Auditor(new InMemoryAuditLog(), clock), new IdGenerator(new SecureRandom()), clock,
            ReportSettings.DEFAULT);
    final OruHandler handler = new OruHandler(reports);

    String answer(String message) {
        return answer(message.getBytes(StandardCharsets.UTF_8));
    }

    String answer(byte[] message) {
        return new String(handler.handle(message, "127.0.0.1").ack(), StandardCharsets.UTF_8);
    }

    String text(StoredReport r) throws IOException {
        try (InputStream in = reports.open(r)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyOrderOfAMessageIsItsOwnReport() throws IOException {
        String message = Messages.textReport("O1", "ACC1") + "OBR|2||ACC2|CT^CT Chest\r"
                + "OBX|1|TX|RPT^Report||Chest clear.||||||F\r";

        assertThat(answer(message)).contains("MSA|AA|O1");

        assertThat(store.byOrder("ACC1", "P0001")).singleElement()
                .satisfies(r -> assertThat(r.messageKey()).isEqualTo("hl7:RIS|STEE|O1#1.1.text"));
        assertThat(text(store.byOrder("ACC2", "P0001").get(0))).isEqualTo("Chest clear.");
    }

    @Test
    void textAndPdfInOneOrderAreTwoReports() {
        String message = Messages.pdfReport("O2", "ACC3") + "OBX|2|TX|RPT^Report||See attached.||||||F\r";

        assertThat(answer(message)).contains("MSA|AA|O2");
        assertThat(store.byOrder("ACC3", "P0001")).extracting(StoredReport::mediaType)
                .containsExactlyInAnyOrder("text/plain", "application/pdf");
    }

    @Test
    void latin1WithoutMsh18AndUtf8DeclaredInMsh18AreBothRead() throws IOException {
        byte[] latin = Messages.textReport("O3", "ACC4").replace("no acute", "r\u00e9sum\u00e9: no acute")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(answer(latin)).contains("MSA|AA|O3");
        assertThat(text(store.byOrder("ACC4", "P0001").get(0))).startsWith("CT head: r\u00e9sum\u00e9: no acute");

        String utf8 = Messages.textReport("O4", "ACC5").replace("|P|2.5\r", "|P|2.5|||||UNICODE UTF-8\r")
                .replace("no acute", "\u0141\u00f3d\u017a: no acute");
        assertThat(answer(utf8)).contains("MSA|AA|O4");
        assertThat(text(store.byOrder("ACC5", "P0001").get(0))).startsWith("CT head: \u0141\u00f3d\u017a: no acute");
    }

    @Test
    void badEncapsulatedDataGetsAeAndIsKeptRaw() {
        String notBase64 = Messages.pdfReport("O5", "ACC6").replaceFirst("\\^Base64\\^[^|]*", "^Base64^!!!not-base64");
        String hex = Messages.pdfReport("O6", "ACC6").replace("^Base64^", "^Hex^");

        assertThat(answer(notBase64)).contains("MSA|AE|O5").contains("\rERR|");
        assertThat(answer(hex)).contains("MSA|AE|O6").contains("\rERR|");
        assertThat(store.byOrder("ACC6", "P0001")).isEmpty();
        assertThat(store.rejected(10)).hasSize(2);
    }

    @Test
    void anOruWithoutReportObservationsGetsAe() {
        String message = Messages.header("O7", "ORU^R01^ORU_R01") + "PID|||P0001^^^STEE||Jones^Patricia\r"
                + "OBR|1||ACC7|CT^CT Head\r" + "OBX|1|NM|DOSE^Dose||12.5||||||F\r";

        assertThat(answer(message)).contains("MSA|AE|O7").contains("\rERR|");
        assertThat(store.rejected(10)).hasSize(1);
    }

    @Test
    void aValidationFailureInHapiGetsAe() {
        String message = Messages.header("O8", "ORU^R01^ORU_R01") + "PID|||P0001^^^STEE||Jones^Patricia\r"
                + "OBR|1||ACC8|CT^CT Head\r" + "OBX|1|NM|DOSE^Dose||twelve||||||F\r";

        assertThat(answer(message)).contains("MSA|AE|O8").contains("\rERR|");
        assertThat(store.rejected(10)).hasSize(1);
    }

    @Test
    void missingControlIdOrPatientGetsAe() {
        assertThat(answer(Messages.textReport("", "ACC9"))).contains("MSA|AE").contains("\rERR|");
        assertThat(answer(Messages.textReport("O9", "ACC9").replace("PID|||P0001^^^STEE|", "PID||||")))
                .contains("MSA|AE|O9");
        assertThat(store.byOrder("ACC9", "P0001")).isEmpty();
    }

    @Test
    void acksCarryNoPatientData() {
        String ack = answer(Messages.textReport("O10", ""));
        assertThat(ack).doesNotContain("P0001").doesNotContain("Jones").doesNotContain("haemorrhage");
    }
}
