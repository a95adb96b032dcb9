package org.iep.dicom.tool;

import java.io.PrintStream;
import org.iep.dicom.net.dimse.DimseClient;
import org.iep.dicom.net.dimse.Status;

/** The last line of movescu / getscu and their exit status. */
final class RetrieveReport {
    private RetrieveReport() {
    }

    static int print(String tool, DimseClient.RetrieveResult r, PrintStream out, PrintStream err) {
        String line = "status " + Status.hex(r.status()) + ": completed " + Math.max(r.completed(), 0) + ", failed "
                + Math.max(r.failed(), 0) + ", warning " + Math.max(r.warning(), 0);
        if (r.status() == Status.SUCCESS) {
            out.println(line);
            return Command.OK;
        }
        err.println(tool + ": " + line);
        return Command.INVALID_INPUT;
    }
}
