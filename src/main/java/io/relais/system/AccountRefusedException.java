package io.relais.system;

/**
 * A change to the users that {@link UserAccounts} refuses: the reason as its message and the field at fault
 * ({@code username}, {@code password}, {@code role}, {@code languages}, or null), so that a form can mark the field.
 */
public class AccountRefusedException extends IllegalArgumentException {

    private final String field;

    AccountRefusedException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
