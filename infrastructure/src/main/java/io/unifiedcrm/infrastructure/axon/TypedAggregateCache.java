package io.unifiedcrm.infrastructure.axon;

import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * One aggregate type's part of the shared aggregate cache: its entries are keyed by type and id. Axon keys a cache by
 * aggregate id alone, so with one cache for every type an id of another type's aggregate (a client naming a product
 * where an order belongs) found that aggregate and failed with a ClassCastException; a type's own part finds nothing,
 * and the repository answers "not found" as for any unknown id.
 */
public class TypedAggregateCache implements Cache {

    private final Cache shared;
    private final String type;

    public TypedAggregateCache(Cache shared, String type) {
        this.shared = shared;
        this.type = type;
    }

    private Object keyOf(Object id) {
        return keyOf(type, id);
    }

    /** The key in the shared cache of the aggregate of this type (its class's simple name, Axon's type) and id. */
    static Object keyOf(String type, Object id) {
        return type + ":" + id;
    }

    @Override
    public <K, V> V get(K key) {
        return shared.get(keyOf(key));
    }

    @Override
    public void put(Object key, Object value) {
        shared.put(keyOf(key), value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return shared.putIfAbsent(keyOf(key), value);
    }

    @Override
    public boolean remove(Object key) {
        return shared.remove(keyOf(key));
    }

    /** Empties the whole shared cache (a cache only holds what can be read again). */
    @Override
    public void removeAll() {
        shared.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return shared.containsKey(keyOf(key));
    }

    @Override
    public Registration registerCacheEntryListener(Cache.EntryListener cacheEntryListener) {
        return shared.registerCacheEntryListener(cacheEntryListener);
    }

    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        shared.computeIfPresent(keyOf(key), update);
    }
}
