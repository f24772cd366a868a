package io.unifiedcrm.infrastructure.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A request's JSON held a NUL character in a member name or a text value ({@link NulRejectingJsonFactory}):
 * PostgreSQL cannot store it, and no legitimate CRM value has one. A 400 {@code invalid_characters}.
 */
public final class NulCharacterException extends JsonMappingException {

    NulCharacterException(JsonParser parser) {
        super(parser, "NUL character in text");
    }
}
