package io.unifiedcrm.projection.runtime;

import java.util.AbstractMap;
import java.util.Set;

/** A map that keeps nothing: what a batch cache is where nothing may be remembered. */
final class ForgetfulMap<K, V> extends AbstractMap<K, V> {

    @Override
    public V put(K key, V value) {
        return null;
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return Set.of();
    }
}
