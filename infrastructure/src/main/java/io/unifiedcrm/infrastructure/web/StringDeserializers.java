package io.unifiedcrm.infrastructure.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * Request text may not contain NUL characters: PostgreSQL cannot store them in text, and no legitimate CRM value
 * has one. Rejected while reading the body, so the request fails as a 400 before anything is written.
 */
public final class StringDeserializers {

    private StringDeserializers() {
    }

    public static SimpleModule rejectingNulCharacters() {
        return new SimpleModule("RejectNulCharacters").addDeserializer(String.class, new NulRejectingDeserializer());
    }

    static final class NulRejectingDeserializer extends StdScalarDeserializer<String> {

        NulRejectingDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw new NulCharacterException(parser);
            }
            return value;
        }
    }

    /** A text value held a NUL character. */
    public static final class NulCharacterException extends JsonMappingException {
        NulCharacterException(JsonParser parser) {
            super(parser, "NUL character in text");
        }
    }
}
