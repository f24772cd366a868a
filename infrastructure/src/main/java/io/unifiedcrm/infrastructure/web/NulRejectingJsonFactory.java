package io.unifiedcrm.infrastructure.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.DataInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * A JSON factory whose parsers refuse a NUL character in any member name or text value, wherever it stands: also in
 * the free-form parts of a request (a person's {@code sourceDetails}, a record's properties, an organization's
 * settings), which no {@code String} deserializer sees. PostgreSQL cannot store NUL in text or {@code jsonb}, so such
 * a value would fail every projection that writes it, for every tenant behind it in the stream.
 */
public class NulRejectingJsonFactory extends JsonFactory {

    public NulRejectingJsonFactory() {
    }

    protected NulRejectingJsonFactory(JsonFactory source, ObjectCodec codec) {
        super(source, codec);
    }

    @Override
    public JsonFactory copy() {
        return new NulRejectingJsonFactory(this, null);
    }

    @Override
    protected JsonParser _createParser(InputStream in, IOContext context) throws IOException {
        return new NulRejectingParser(super._createParser(in, context));
    }

    @Override
    protected JsonParser _createParser(Reader reader, IOContext context) throws IOException {
        return new NulRejectingParser(super._createParser(reader, context));
    }

    @Override
    protected JsonParser _createParser(char[] data, int offset, int length, IOContext context, boolean recyclable)
            throws IOException {
        return new NulRejectingParser(super._createParser(data, offset, length, context, recyclable));
    }

    @Override
    protected JsonParser _createParser(byte[] data, int offset, int length, IOContext context) throws IOException {
        return new NulRejectingParser(super._createParser(data, offset, length, context));
    }

    @Override
    protected JsonParser _createParser(DataInput input, IOContext context) throws IOException {
        return new NulRejectingParser(super._createParser(input, context));
    }

    /** Checks every member name and text value the parser moves to, however it is asked to move. */
    static final class NulRejectingParser extends JsonParserDelegate {

        NulRejectingParser(JsonParser parser) {
            super(parser);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            return checked(delegate.nextToken());
        }

        @Override
        public JsonToken nextValue() throws IOException {
            return checked(delegate.nextValue());
        }

        @Override
        public String nextFieldName() throws IOException {
            String name = delegate.nextFieldName();
            checked(delegate.currentToken());
            return name;
        }

        @Override
        public boolean nextFieldName(SerializableString name) throws IOException {
            boolean matches = delegate.nextFieldName(name);
            checked(delegate.currentToken());
            return matches;
        }

        @Override
        public String nextTextValue() throws IOException {
            String text = delegate.nextTextValue();
            checked(delegate.currentToken());
            return text;
        }

        @Override
        public int nextIntValue(int defaultValue) throws IOException {
            int value = delegate.nextIntValue(defaultValue);
            checked(delegate.currentToken());
            return value;
        }

        @Override
        public long nextLongValue(long defaultValue) throws IOException {
            long value = delegate.nextLongValue(defaultValue);
            checked(delegate.currentToken());
            return value;
        }

        @Override
        public Boolean nextBooleanValue() throws IOException {
            Boolean value = delegate.nextBooleanValue();
            checked(delegate.currentToken());
            return value;
        }

        private JsonToken checked(JsonToken token) throws IOException {
            if ((token == JsonToken.FIELD_NAME || token == JsonToken.VALUE_STRING)
                    && delegate.getText().indexOf('\u0000') >= 0) {
                throw new NulCharacterException(this);
            }
            return token;
        }
    }
}
