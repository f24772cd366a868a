package io.unifiedcrm.infrastructure.web;

import java.util.List;

/** The envelope of every list answer: the items and the opaque cursor of the next page ({@code null} at the end). */
public record ItemList<T>(List<T> items, String nextCursor) {
}
