package io.unifiedcrm.search.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** What a search finds: persons, companies (records of the system type company), products, deals, custom records. */
public enum SearchType {
    PERSON("/api/v1/persons/"),
    COMPANY("/api/v1/records/"),
    PRODUCT("/api/v1/products/"),
    DEAL("/api/v1/deals/"),
    RECORD("/api/v1/records/");

    private final String resourcePath;

    SearchType(String resourcePath) {
        this.resourcePath = resourcePath;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Where the found resource is read. */
    public String link(UUID id) {
        return resourcePath + id;
    }

    public static Optional<SearchType> of(String code) {
        return Arrays.stream(values()).filter(type -> type.code().equals(code)).findFirst();
    }

    /** A platform record's document type: {@code company} for the system type company, else {@code record}. */
    public static SearchType ofObjectType(String objectType) {
        return "company".equals(objectType) ? COMPANY : RECORD;
    }
}
