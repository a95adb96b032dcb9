/**
 * Direct routing (DESIGN.md §3.5): a PACS pushes to our SCP under a called AE title that stands for a fixed
 * destination; IEP opens a transaction per sending node and patient, fills it with what arrives, and once the study
 * is stable (no new instance for a while, as routers and Orthanc's "stable study" do it) sends it on.
 */
package org.iep.core.direct;
