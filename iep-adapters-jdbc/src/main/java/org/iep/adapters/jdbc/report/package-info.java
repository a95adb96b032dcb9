/** The {@code ReportStore} on JDBC: received reports and rejected messages ({@code V3__reports.sql}). */
package org.iep.adapters.jdbc.report;
