package org.iep.adapters.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The C-GET storage contexts stay within PS3.8's limit of 128 per association (one is the C-GET's own). */
class StorageClassesTest {
    private static final String BASIC_TEXT_SR = "1.2.840.10008.5.1.4.1.1.88.11";

    @Test
    void theFixedContextsFitOneAssociationAndGiveCommonImageClassesEveryFamily() {
        List<List<String>> contexts = StorageClasses.getContexts();
        assertThat(contexts).hasSize(46 + 11 * 6).doesNotHaveDuplicates();
        assertThat(contexts.size()).isLessThanOrEqualTo(StorageClasses.STORAGE_CONTEXTS);
        assertThat(contexts.stream().map(c -> c.get(0)).distinct()).hasSize(StorageClasses.CLASSES.size());
        for (String c : StorageClasses.IMAGE_CLASSES) {
            assertThat(contexts).as(c).contains(with(c, StorageClasses.SYNTAXES));
            StorageClasses.COMPRESSED_FAMILIES.forEach(f -> assertThat(contexts).as(c).contains(with(c, f)));
        }
        assertThat(contexts).filteredOn(c -> c.get(0).equals(BASIC_TEXT_SR)).hasSize(1);
    }

    private static List<String> with(String sopClass, List<String> syntaxes) {
        List<String> pc = new java.util.ArrayList<>(List.of(sopClass));
        pc.addAll(syntaxes);
        return pc;
    }
}
