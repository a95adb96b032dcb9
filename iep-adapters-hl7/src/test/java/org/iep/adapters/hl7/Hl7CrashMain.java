package org.iep.adapters.hl7;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.iep.adapters.jdbc.JdbcDatabase;
import org.iep.adapters.jdbc.report.JdbcReportStore;
import org.iep.adapters.jdbc.transaction.JdbcTransactionStore;
import org.iep.api.spi.ReportStore;
import org.iep.api.spi.TransactionChanges;
import org.iep.api.spi.TransactionStore;
import org.iep.api.transaction.Transaction;

/**
 * The child JVM of {@link Hl7CrashTest}: serves HL7 on the durable stores and, depending on {@code args[3]}, halts
 * the JVM (no shutdown hooks, no flushing, no ACK) right after the report record is durably inserted
 * ({@code report}), right after it was attached to the transaction ({@code attach}), or never ({@code serve}).
 * Writes its port to {@code args[2]} once listening.
 */
public final class Hl7CrashMain {
    static final int HALTED = 77;

    private Hl7CrashMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dbDir = Path.of(args[0]);
        Path blobDir = Path.of(args[1]);
        Path portFile = Path.of(args[2]);
        String haltAt = args[3];
        JdbcDatabase db = JdbcDatabase.start(CrashRig.h2File(dbDir));
        DataSource ds = db.dataSource();
        ReportStore reports = new JdbcReportStore(ds);
        TransactionStore transactions = new JdbcTransactionStore(ds);
        if (haltAt.equals("report")) {
            reports = haltingAfterInsert(reports);
        } else if (haltAt.equals("attach")) {
            transactions = haltingAfterCommit(transactions);
        }
        CrashRig rig = new CrashRig(ds, blobDir, reports, transactions);
        Hl7Listener listener = new Hl7Listener(Hl7Config.DEFAULT.withPort(0), Optional.empty(), rig.reports);
        int port = listener.start();
        Path tmp = portFile.resolveSibling(portFile.getFileName() + ".tmp");
        Files.writeString(tmp, Integer.toString(port));
        Files.move(tmp, portFile, StandardCopyOption.ATOMIC_MOVE);
        Thread.sleep(Long.MAX_VALUE); // the parent kills this JVM when it is done
    }

    private static ReportStore haltingAfterInsert(ReportStore store) {
        return (ReportStore) java.lang.reflect.Proxy.newProxyInstance(ReportStore.class.getClassLoader(),
                new Class<?>[] {ReportStore.class}, (proxy, method, margs) -> {
                    Object result = invoke(store, method, margs);
                    if (method.getName().equals("insertIfAbsent") && result == margs[0]) {
                        Runtime.getRuntime().halt(HALTED);
                    }
                    return result;
                });
    }

    private static TransactionStore haltingAfterCommit(TransactionStore store) {
        return (TransactionStore) java.lang.reflect.Proxy.newProxyInstance(
                TransactionStore.class.getClassLoader(), new Class<?>[] {TransactionStore.class},
                (proxy, method, margs) -> {
                    Object result = invoke(store, method, margs);
                    if (method.getName().equals("commit") && !((TransactionChanges) margs[0]).updates().isEmpty()) {
                        @SuppressWarnings("unchecked")
                        List<Transaction> stored = (List<Transaction>) result;
                        if (!stored.get(0).attachments().isEmpty()) {
                            Runtime.getRuntime().halt(HALTED);
                        }
                    }
                    return result;
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
