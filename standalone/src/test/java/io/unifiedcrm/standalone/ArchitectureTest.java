package io.unifiedcrm.standalone;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.unifiedcrm.infrastructure.axon.OrganizationCheckedLocks;
import java.util.Arrays;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

/**
 * The module rules of ARCHITECTURE §2, checked on the compiled classes. A class belongs to the module whose build
 * output (target/classes or the module's jar) it was loaded from, so the rules hold whatever its package.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.unifiedcrm");

    @Test
    void everyModuleIsOnTheClassPath() {
        for (String module : new String[] {"shared-kernel", "infrastructure", "command-side", "projections",
                "query-side", "standalone"}) {
            assertThat(CLASSES.that(inModule(module))).as(module).isNotEmpty();
        }
    }

    /** Issue 17, finding 14: every serializer is Jackson; XStream, with its history of gadget chains, is not shipped. */
    @Test
    void xstreamIsNotOnTheClassPath() {
        assertThatThrownBy(() -> Class.forName("com.thoughtworks.xstream.XStream"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void theSharedKernelIsThePublishedLanguageOnly() {
        classes().that(inModule("shared-kernel"))
                .should().onlyDependOnClassesThat(inModule("shared-kernel")
                        .or(JavaClass.Predicates.resideInAnyPackage("io.unifiedcrm.shared..", "io.unifiedcrm..api..",
                                "java..", "org.axonframework..", "com.fasterxml.jackson.annotation..")))
                .because("the shared kernel holds messages and value objects: no JPA, no Spring, no web")
                .check(CLASSES);
    }

    @Test
    void nothingDependsOnTheCommandSide() {
        noClasses().that(inModule("shared-kernel").or(inModule("infrastructure")).or(inModule("projections"))
                        .or(inModule("query-side")))
                .should().dependOnClassesThat(inModule("command-side"))
                .check(CLASSES);
    }

    @Test
    void theQuerySideNeverSendsCommands() {
        noClasses().that(inModule("query-side")).or(inModule("projections"))
                .should().dependOnClassesThat().resideInAPackage("org.axonframework.commandhandling..")
                .check(CLASSES);
    }

    @Test
    void projectionsKnowNothingOfQueriesOrTheWeb() {
        noClasses().that(inModule("projections"))
                .should().dependOnClassesThat(inModule("query-side")
                        .or(JavaClass.Predicates.resideInAnyPackage("org.springframework.web..", "jakarta.servlet..")))
                .check(CLASSES);
    }

    @Test
    void theProjectionRuntimeKnowsNoDomain() {
        classes().that().resideInAPackage("io.unifiedcrm.projection.runtime..")
                .should().onlyDependOnClassesThat(JavaClass.Predicates.resideOutsideOfPackage("io.unifiedcrm..")
                        .or(JavaClass.Predicates.resideInAnyPackage("io.unifiedcrm.projection.runtime..",
                                "io.unifiedcrm.infrastructure..", "io.unifiedcrm.shared..")))
                .because("the runtime runs every projection the same way; each processing group declares itself "
                        + "and its tables (ReadModel)")
                .check(CLASSES);
    }

    @Test
    void theQuerySideAdministersTheProjectionRuntimeThroughControllersOnly() {
        classes().that(inModule("query-side")).and().resideInAPackage("io.unifiedcrm.system..")
                .should().beAnnotatedWith(RestController.class).orShould().beRecords()
                .because("the projection runtime (status, replay, rebuild, dead letters) lives in projections; the "
                        + "query side keeps the thin admin controllers over it and their request and response records")
                .check(CLASSES);
    }

    @Test
    void theInfrastructureHasNoDomainLogic() {
        noClasses().that(inModule("infrastructure"))
                .should().dependOnClassesThat(inModule("command-side").or(inModule("projections"))
                        .or(inModule("query-side")).or(inModule("standalone")))
                .check(CLASSES);
    }

    @Test
    void onlyTheStandaloneApplicationAssemblesTheModules() {
        noClasses().that(DescribedPredicate.not(inModule("standalone")))
                .should().dependOnClassesThat(inModule("standalone"))
                .check(CLASSES);
    }

    @Test
    void classesArePackagedByDomainThenRole() {
        classes().that(inModule("command-side")).and().doNotHaveSimpleName("CommandSideApplication")
                .should().resideInAPackage("..command..").check(CLASSES);
        classes().that(inModule("projections"))
                .should().resideInAPackage("..projection..").check(CLASSES);
        classes().that(inModule("query-side")).and().doNotHaveSimpleName("QuerySideApplication")
                .should().resideInAnyPackage("..query..", "io.unifiedcrm.system..").check(CLASSES);
        classes().that(inModule("shared-kernel"))
                .should().resideInAnyPackage("..api..", "io.unifiedcrm.shared..").check(CLASSES);
        classes().that(inModule("infrastructure"))
                .should().resideInAPackage("io.unifiedcrm.infrastructure..").check(CLASSES);
    }

    @Test
    void eventsAreTopLevelRevisionedRecords() {
        classes().that(inModule("shared-kernel")).and().haveSimpleNameEndingWith("Event")
                .should().beRecords().andShould().beTopLevelClasses().andShould().beAnnotatedWith(Revision.class)
                .andShould().resideInAPackage("..api..")
                .check(CLASSES);
    }

    @Test
    void commandsAndQueriesAreTopLevelRecords() {
        classes().that(inModule("shared-kernel")).and().haveSimpleNameEndingWith("Command")
                .should().beRecords().andShould().beTopLevelClasses().check(CLASSES);
        classes().that(inModule("shared-kernel")).and().haveSimpleNameEndingWith("Query")
                .should().beRecords().andShould().beTopLevelClasses().andShould().haveSimpleNameStartingWith("Find")
                .check(CLASSES);
    }

    @Test
    void noClassShadowsJavaLangRecord() {
        noClasses().should().haveSimpleName("Record").check(CLASSES);
    }

    @Test
    void aggregatesChangeStateOnlyInEventSourcingHandlers() {
        classes().that().areAnnotatedWith(Aggregate.class)
                .should(new ArchCondition<>("assign their fields only in @EventSourcingHandler methods or initializers") {
                    @Override
                    public void check(JavaClass aggregate, ConditionEvents events) {
                        aggregate.getFieldAccessesFromSelf().stream()
                                .filter(access -> access.getAccessType() == JavaFieldAccess.AccessType.SET)
                                .filter(access -> access.getTargetOwner().equals(aggregate))
                                .filter(access -> !access.getOrigin().isAnnotatedWith(EventSourcingHandler.class))
                                // field initializers (empty collections) run in the constructor, before any event
                                .filter(access -> !(access.getOrigin() instanceof JavaConstructor))
                                .forEach(access -> events.add(SimpleConditionEvent.violated(access,
                                        describe(access))));
                    }
                })
                .check(CLASSES);
    }

    /** Issue 17, finding 14: no aggregate is locked or loaded for a command of another organization. */
    @Test
    void everyAggregateTakesTheOrganizationCheckedLocks() {
        classes().that().areAnnotatedWith(Aggregate.class)
                .should(new ArchCondition<>("name the organization-checked lock factory") {
                    @Override
                    public void check(JavaClass aggregate, ConditionEvents events) {
                        String lockFactory = aggregate.reflect().getAnnotation(Aggregate.class).lockFactory();
                        if (!OrganizationCheckedLocks.BEAN_NAME.equals(lockFactory)) {
                            events.add(SimpleConditionEvent.violated(aggregate, aggregate.getName()
                                    + " names the lock factory '" + lockFactory + "'"));
                        }
                    }
                })
                .check(CLASSES);
    }

    private static String describe(JavaAccess<?> access) {
        return access.getDescription();
    }

    /**
     * Read models and queries take events from Axon's event store API (a processor's stream, an aggregate's
     * history), never from the JDBC event table, so they also work with Axon Server and no read scans every event.
     */
    @Test
    void projectionsAndQueriesReadEventsThroughTheEventStore() {
        for (String module : new String[] {"projections", "query-side"}) {
            assertThat(CLASSES.that(inModule(module)).stream()
                    .filter(javaClass -> classFile(javaClass).contains("domain_event_entry"))
                    .map(JavaClass::getName).toList()).as(module).isEmpty();
        }
    }

    /** The class file's bytes as ISO-8859-1 text: its string constants can be searched. */
    private static String classFile(JavaClass javaClass) {
        try (var in = javaClass.getSource().orElseThrow().getUri().toURL().openStream()) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException unreadable) {
            throw new java.io.UncheckedIOException(unreadable);
        }
    }

    /** Whether a class was loaded from the given module's build output. */
    private static DescribedPredicate<JavaClass> inModule(String module) {
        return DescribedPredicate.describe("in module " + module, javaClass -> javaClass.getSource()
                .map(source -> source.getUri().toString())
                .map(uri -> Arrays.stream(new String[] {"/" + module + "/target/classes/", "/" + module + "-0"})
                        .anyMatch(uri::contains))
                .orElse(false));
    }
}
