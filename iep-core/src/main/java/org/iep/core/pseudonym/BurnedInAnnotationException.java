package org.iep.core.pseudonym;

import java.util.List;
import org.iep.api.CoreErrorCode;
import org.iep.api.InvalidInputException;
import org.iep.api.Problem;

/**
 * A pseudonymised transfer refused an instance flagged Burned In Annotation: its pixels may show the patient's
 * identity, which no tag action removes, and the profile does not accept such instances. Nothing of it was stored.
 */
public final class BurnedInAnnotationException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public BurnedInAnnotationException(String profile) {
        super(CoreErrorCode.BURNED_IN_ANNOTATION_REFUSED, List.of(new Problem("pixels", "may show the patient's"
                + " identity (Burned In Annotation), which the '" + profile + "' profile does not accept")));
    }
}
