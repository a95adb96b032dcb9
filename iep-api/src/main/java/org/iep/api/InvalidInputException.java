package org.iep.api;

import java.util.List;
import java.util.stream.Collectors;

/** The input was refused; {@link #problems()} lists every problem found, not just the first. Nothing was changed. */
public non-sealed class InvalidInputException extends IepException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public InvalidInputException(List<Problem> problems) {
        this(CoreErrorCode.INVALID_INPUT, problems);
    }

    protected InvalidInputException(ErrorCode code, List<Problem> problems) {
        super(code, describe(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in the order the fields were checked. */
    public List<Problem> problems() {
        return problems;
    }

    private static String describe(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an InvalidInputException needs at least one problem");
        }
        return problems.size() + " problem(s): "
                + problems.stream().map(Problem::toString).collect(Collectors.joining("; "))
                + ". Correct them and submit again.";
    }
}
