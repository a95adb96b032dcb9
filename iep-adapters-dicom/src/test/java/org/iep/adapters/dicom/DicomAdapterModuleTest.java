package org.iep.adapters.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import java.util.Set;
import org.iep.api.spi.BlobStore;
import org.iep.api.spi.DicomGateway;
import org.iep.api.spi.InstanceIndex;
import org.iep.api.spi.NodeStore;
import org.iep.core.audit.Auditor;
import org.iep.core.delivery.DeliveryHandler;
import org.iep.core.transaction.Transactions;
import org.junit.jupiter.api.Test;

class DicomAdapterModuleTest {
    @Test
    void bindsOneGatewayAndTheDeliveryHandler() {
        CoreRig rig = new CoreRig();
        Injector injector = Guice.createInjector(new DicomAdapterModule(DicomAdapterConfig.of("IEP")),
                new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(BlobStore.class).toInstance(rig.blobs);
                        bind(NodeStore.class).toInstance(rig.nodes);
                        bind(InstanceIndex.class).toInstance(rig.index);
                        bind(Transactions.class).toInstance(rig.core.transactions());
                        bind(Auditor.class).toInstance(rig.auditor);
                        bind(org.iep.core.ingest.Ingest.class).toInstance(rig.core.ingest());
                    }
                });
        assertThat(injector.getInstance(DicomGateway.class)).isInstanceOf(DimseDicomGateway.class)
                .isSameAs(injector.getInstance(DimseDicomGateway.class));
        assertThat(injector.getInstance(DeliveryHandler.class)).isInstanceOf(DicomDeliveryHandler.class);
    }

    @Test
    void aBadConfigurationListsEveryProblem() {
        assertThatThrownBy(() -> new DicomAdapterConfig("A\\B", 0, 0, 100, Set.of()))
                .isInstanceOfSatisfying(InvalidDicomInputException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(DicomAdapterErrorCode.INVALID_CONFIGURATION);
                    assertThat(e.problems()).hasSize(4);
                });
        assertThatThrownBy(() -> new ReceiverConfig("", 70000, java.util.List.of(), 0))
                .isInstanceOfSatisfying(InvalidDicomInputException.class, e -> assertThat(e.problems()).hasSize(3));
    }

    @Test
    void storageCommitmentIsOffByDefaultAndItsSettingsAreChecked() {
        DicomAdapterConfig config = DicomAdapterConfig.of("IEP");
        assertThat(config.commitmentWait("PACS")).isEmpty();
        assertThat(config.withStorageCommitment("PACS", java.time.Duration.ofSeconds(30)).commitmentWait("PACS"))
                .contains(java.time.Duration.ofSeconds(30));
        assertThatThrownBy(() -> config.withStorageCommitment("PACS", java.time.Duration.ZERO))
                .isInstanceOfSatisfying(InvalidDicomInputException.class, e -> assertThat(e.problems())
                        .extracting(org.iep.api.Problem::field).containsExactly("iep.dicom.storageCommitment.PACS"));
        assertThatThrownBy(() -> config.withStorageCommitment("A\\B", java.time.Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(InvalidDicomInputException.class, e -> assertThat(e.problems())
                        .extracting(org.iep.api.Problem::field).containsExactly("iep.dicom.storageCommitment"));
    }
}
