package io.unifiedcrm.projection.runtime.deadletters;

/**
 * Marks the bean through which operators list, retry and evict dead letters ({@link DeadLetters}, behind the query
 * side's admin API). Only an application that has one gets dead-letter queues: a queue nobody can retry or evict would
 * only hide a failing handler. The command side alone (split topology) runs no projection runtime and so has none:
 * its asynchronous reaction ({@code platform-association-cleanup}) keeps failing its batch and showing ERROR in its
 * {@code eventProcessors} health until the cause is fixed.
 */
public interface DeadLetterAdministration {
}
