package io.unifiedcrm.infrastructure.web;

/** A request the API cannot take as sent (a malformed header, cursor or parameter): HTTP 400 with a code. */
public class BadRequest extends RuntimeException {

    private final String code;
    private final String field;

    public BadRequest(String code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
