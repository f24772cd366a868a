package io.unifiedcrm.identity.person.query;

import io.unifiedcrm.infrastructure.web.BadRequest;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** A part of the person 360 that {@code include=} can ask for (all of them when it is absent). */
enum Person360Part {
    ADDRESSES, CUSTOMER, CONTACT, ORDERS, DEALS, ACTIVITIES, RECORDS;

    /** @throws BadRequest {@code invalid_include} naming the parts there are */
    static Set<Person360Part> parse(String include) {
        if (include == null) {
            return EnumSet.allOf(Person360Part.class);
        }
        Set<Person360Part> parts = EnumSet.noneOf(Person360Part.class);
        for (String name : include.split(",", -1)) {
            parts.add(Arrays.stream(values()).filter(part -> part.code().equals(name.strip())).findFirst()
                    .orElseThrow(() -> new BadRequest("invalid_include", "include", "include is a comma-separated "
                            + "list of addresses, customer, contact, orders, deals, activities, records.")));
        }
        return parts;
    }

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
