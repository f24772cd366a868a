package io.unifiedcrm.projection.runtime.deadletters;

/**
 * Marks the bean through which operators list, retry and evict dead letters (the query side's admin API). Only an
 * application that has one gets dead-letter queues: a queue nobody can retry or evict would only hide a failing
 * handler. The command side alone (split topology) has none, so its asynchronous reaction
 * ({@code platform-association-cleanup}) keeps failing its batch and showing ERROR until the cause is fixed.
 */
public interface DeadLetterAdministration {
}
