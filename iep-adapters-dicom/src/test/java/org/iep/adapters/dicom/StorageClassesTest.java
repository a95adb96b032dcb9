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

    @Test
    void eachRetryPassOffersOneSyntaxFamilyPerClass() {
        List<List<List<String>>> passes = StorageClasses.retryPasses();
        assertThat(passes).hasSize(1 + StorageClasses.COMPRESSED_FAMILIES.size());
        assertThat(passes.get(0)).hasSize(46).allSatisfy(c -> assertThat(c.subList(1, c.size()))
                .containsExactly("1.2.840.10008.1.2.1", "1.2.840.10008.1.2"));
        for (int i = 1; i < passes.size(); i++) {
            List<String> family = StorageClasses.COMPRESSED_FAMILIES.get(i - 1);
            assertThat(passes.get(i)).hasSize(46 - 14).allSatisfy(c -> assertThat(c.subList(1, c.size()))
                    .isEqualTo(family));
            assertThat(passes.get(i).stream().map(c -> c.get(0))).doesNotContain(BASIC_TEXT_SR).doesNotHaveDuplicates();
        }
    }

    private static List<String> with(String sopClass, List<String> syntaxes) {
        List<String> pc = new java.util.ArrayList<>(List.of(sopClass));
        pc.addAll(syntaxes);
        return pc;
    }
}
