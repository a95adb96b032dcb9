package org.iep.adapters.jdbc.transaction;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.iep.api.spi.TransactionQuery;

/**
 * A {@link TransactionQuery} as SQL. With an institution the query starts from {@code iep_transaction_involved},
 * whose (institution, status, created) index serves the dashboards; otherwise from {@code iep_transaction} by
 * creation time. Immutable.
 */
record QuerySql(String sql, Object[] params) {

    static QuerySql of(TransactionQuery q, String columns) {
        StringBuilder sql = new StringBuilder("SELECT ").append(columns);
        List<Object> params = new ArrayList<>();
        List<String> where = new ArrayList<>();
        String created;
        String id;
        if (q.involving().isPresent()) {
            sql.append(" FROM iep_transaction_involved i JOIN iep_transaction t ON t.id = i.transaction_id");
            where.add("i.institution_id = ?");
            params.add(q.involving().get().value());
            in(where, params, "i.status", q.statuses().stream().map(Enum::name).toList());
            created = "i.created";
            id = "i.transaction_id";
        } else {
            sql.append(" FROM iep_transaction t");
            in(where, params, "t.status", q.statuses().stream().map(Enum::name).toList());
            created = "t.created";
            id = "t.id";
        }
        in(where, params, "t.tx_type", q.types().stream().map(Enum::name).toList());
        q.patientId().ifPresent(p -> {
            where.add("t.patient_id = ?");
            params.add(p);
        });
        q.studyInstanceUid().ifPresent(u -> {
            where.add("EXISTS (SELECT 1 FROM iep_transaction_study s WHERE s.transaction_id = t.id"
                    + " AND s.study_uid = ?)");
            params.add(u);
        });
        q.accessionNumber().ifPresent(a -> {
            where.add("EXISTS (SELECT 1 FROM iep_transaction_study s WHERE s.transaction_id = t.id"
                    + " AND s.accession = ?)");
            params.add(a);
        });
        q.createdFrom().ifPresent(f -> {
            where.add(created + " >= ?");
            params.add(f);
        });
        q.createdTo().ifPresent(to -> {
            where.add(created + " < ?");
            params.add(to);
        });
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", where));
        }
        sql.append(" ORDER BY ").append(created).append(" DESC, ").append(id).append(" LIMIT ?");
        params.add(q.limit());
        return new QuerySql(sql.toString(), params.toArray());
    }

    private static void in(List<String> where, List<Object> params, String column, Collection<String> values) {
        if (values.isEmpty()) {
            return;
        }
        where.add(column + " IN (" + values.stream().map(v -> "?").collect(Collectors.joining(", ")) + ")");
        params.addAll(values);
    }
}
