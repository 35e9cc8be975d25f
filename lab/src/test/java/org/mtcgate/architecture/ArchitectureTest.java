package org.mtcgate.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mtcgate.filter.smsc.Gsm7Alphabet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The arrows of ARCHITECTURE.md, checked over the main code of every module (lab's tests see them all; tests excluded):
 * a change that breaks one fails the build instead of waiting for a reader to notice.
 */
class ArchitectureTest {
    private static JavaClasses main;

    @BeforeAll
    static void importMainCode() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.mtcgate");
    }

    /** Every package is its own slice: no two packages, in one module or across modules, depend on each other. */
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("org.mtcgate.(**)").should().beFreeOfCycles();

    /** The domain is protocol-free and touches no file but the policy files. */
    static final ArchRule DOMAIN_IS_PROTOCOL_FREE = noClasses().that().resideInAPackage("org.mtcgate.filter..")
            .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "org.restcomm..", "org.mobicents..",
                    "org.mtcgate.diameter..", "org.mtcgate.map..", "org.mtcgate.smpp..", "org.jsmpp..", "org.mtcgate.t8..",
                    "org.mtcgate.core..", "org.mtcgate.lab..", "java.net..", "com.fasterxml..", "com.nimbusds..");

    static final ArchRule DOMAIN_READS_ONLY_POLICY_FILES = noClasses().that().resideInAPackage("org.mtcgate.filter..")
            .and().haveNameNotMatching("org\\.mtcgate\\.filter\\.policy\\.(spec\\.)?Policy(Files|Reader)(\\$.*)?")
            .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileOutputStream")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.RandomAccessFile");

    /** Protocol modules translate the wire into the domain; only the node wires them. */
    static final ArchRule PROTOCOLS_DO_NOT_KNOW_THE_NODE = noClasses().that()
            .resideInAnyPackage("org.mtcgate.diameter..", "org.mtcgate.map..", "org.mtcgate.smpp..", "org.mtcgate.t8..")
            .should().dependOnClassesThat().resideInAnyPackage("org.mtcgate.core..");

    static final ArchRule DIAMETER_AND_MAP_APART = noClasses().that().resideInAPackage("org.mtcgate.diameter..")
            .should().dependOnClassesThat().resideInAPackage("org.mtcgate.map..")
            .orShould().dependOnClassesThat().resideInAnyPackage("org.restcomm..", "org.mobicents..");

    /**
     * The Tsms adapter (SMPP for SMEs) meets the SMS-SC through the domain's SMS-SC ports only: it knows neither the
     * other protocols nor device triggering, and they do not know it or jSMPP.
     */
    static final ArchRule SMPP_APART = noClasses().that().resideInAPackage("org.mtcgate.smpp..")
            .should().dependOnClassesThat().resideInAnyPackage("org.mtcgate.diameter..", "org.mtcgate.map..",
                    "org.mtcgate.filter.trigger..", "io.netty..", "org.restcomm..", "org.mobicents..");

    static final ArchRule OTHER_PROTOCOLS_DO_NOT_KNOW_SMPP = noClasses().that()
            .resideInAnyPackage("org.mtcgate.diameter..", "org.mtcgate.map..")
            .should().dependOnClassesThat().resideInAnyPackage("org.mtcgate.smpp..", "org.jsmpp..");

    /** T8 (HTTPS) is a protocol module of its own: it knows neither Diameter nor MAP... */
    static final ArchRule T8_KNOWS_NO_OTHER_PROTOCOL = noClasses().that().resideInAPackage("org.mtcgate.t8..")
            .should().dependOnClassesThat().resideInAnyPackage("org.mtcgate.diameter..", "org.mtcgate.map..", "org.restcomm..",
                    "org.mobicents..");

    /** ...and they do not know it. */
    static final ArchRule NO_OTHER_PROTOCOL_KNOWS_T8 = noClasses().that().resideInAnyPackage("org.mtcgate.diameter..", "org.mtcgate.map..")
            .should().dependOnClassesThat().resideInAPackage("org.mtcgate.t8..");

    /** Codecs read and write bytes; they never reach for a connection or a peer. */
    static final ArchRule CODECS_DO_NOT_DEPEND_ON_PEERS = noClasses().that()
            .resideInAnyPackage("org.mtcgate.diameter.codec..", "org.mtcgate.diameter.dictionary..", "org.mtcgate.map.tpdu..")
            .should().dependOnClassesThat().resideInAnyPackage("org.mtcgate.diameter.peer..", "org.mtcgate.diameter.tsp..",
                    "org.mtcgate.diameter.s6m..", "org.mtcgate.diameter.t4..", "org.mtcgate.map.router..", "org.mtcgate.map.smsc..",
                    "org.mtcgate.map.stack..", "org.mtcgate.map.dialog..", "org.mtcgate.map.client..");

    /**
     * GBA's crypto (Milenage, AKA, the TS 33.220 KDF) is checked against published vectors: JDK (and BouncyCastle)
     * only, so no protocol module, node or store can reach into it or be reached from it.
     */
    static final ArchRule GBA_DEPENDS_ON_NO_PROTOCOL = classes().that().resideInAPackage("org.mtcgate.gba..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.crypto..", "org.bouncycastle..",
                    "org.mtcgate.gba..");

    /**
     * The SMS TPDU codec is the one a handset's reading is compared with: JDK only, and the domain's GSM 7-bit table
     * (every interface's text is held in it), itself JDK only.
     */
    static final ArchRule TPDU_CODEC_IS_JDK_ONLY = classes().that().resideInAPackage("org.mtcgate.map.tpdu..")
            .should().onlyDependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("java..", "org.mtcgate.map.tpdu..")
                    .or(JavaClass.Predicates.belongToAnyOf(Gsm7Alphabet.class)));
    static final ArchRule GSM7_ALPHABET_IS_JDK_ONLY = classes().that().belongToAnyOf(Gsm7Alphabet.class)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.mtcgate.filter.smsc..");

    /** Simulators, load generators, benchmarks and lab PKI are for the lab; nothing in the node depends on them. */
    static final ArchRule NOTHING_DEPENDS_ON_LAB_CODE = noClasses().that().resideOutsideOfPackage("org.mtcgate.lab..")
            .should().dependOnClassesThat().resideInAPackage("org.mtcgate.lab..");

    /** The SMS-SC's domain holds SMs for anyone (MTC-IWF, SMEs, SGd); device triggering converts at its boundary. */
    static final ArchRule SMSC_DOES_NOT_KNOW_TRIGGERS = noClasses().that().resideInAPackage("org.mtcgate.filter.smsc..")
            .should().dependOnClassesThat().resideInAPackage("org.mtcgate.filter.trigger..");

    /** The policy decides; it knows neither the procedures that ask it nor the stores they keep. */
    static final ArchRule POLICY_KNOWS_NO_PROCEDURE = noClasses().that().resideInAnyPackage("org.mtcgate.filter",
                    "org.mtcgate.filter.policy..", "org.mtcgate.filter.limit..")
            .should().dependOnClassesThat().resideInAnyPackage("org.mtcgate.filter.trigger..", "org.mtcgate.filter.smsc..",
                    "org.mtcgate.filter.routing..");

    /** The BSF module is a protocol module: it knows GBA and Diameter, not the node, MAP or the SMS domain. */
    static final ArchRule BSF_DOES_NOT_KNOW_THE_NODE = noClasses().that().resideInAPackage("org.mtcgate.bsf..")
            .should().dependOnClassesThat().resideInAnyPackage("org.mtcgate.core..", "org.mtcgate.map..", "org.mtcgate.filter..",
                    "org.restcomm..", "org.mobicents..");

    /** The bootstrapping procedure is free of HTTP and Netty; Ub (and Zn) translate to it. */
    static final ArchRule BSF_PROCEDURE_IS_PROTOCOL_FREE = noClasses().that().resideInAPackage("org.mtcgate.bsf")
            .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "java.net..", "org.mtcgate.diameter..",
                    "org.mtcgate.bsf.ub..");

    /** Diameter carries Zn for the BSF; it never reaches into it. */
    static final ArchRule DIAMETER_DOES_NOT_KNOW_THE_BSF = noClasses().that().resideInAPackage("org.mtcgate.diameter..")
            .should().dependOnClassesThat().resideInAPackage("org.mtcgate.bsf..");

    @Test
    void bsfDoesNotKnowTheNode() {
        BSF_DOES_NOT_KNOW_THE_NODE.check(main);
    }

    @Test
    void bsfProcedureIsProtocolFree() {
        BSF_PROCEDURE_IS_PROTOCOL_FREE.check(main);
    }

    @Test
    void diameterDoesNotKnowTheBsf() {
        DIAMETER_DOES_NOT_KNOW_THE_BSF.check(main);
    }

    @Test
    void noPackageCycles() {
        NO_PACKAGE_CYCLES.check(main);
    }

    @Test
    void domainIsProtocolFree() {
        DOMAIN_IS_PROTOCOL_FREE.check(main);
    }

    @Test
    void domainReadsOnlyPolicyFiles() {
        DOMAIN_READS_ONLY_POLICY_FILES.check(main);
    }

    @Test
    void protocolsDoNotKnowTheNode() {
        PROTOCOLS_DO_NOT_KNOW_THE_NODE.check(main);
    }

    @Test
    void diameterAndMapApart() {
        DIAMETER_AND_MAP_APART.check(main);
    }

    @Test
    void smppApart() {
        SMPP_APART.check(main);
        OTHER_PROTOCOLS_DO_NOT_KNOW_SMPP.check(main);
    }

    @Test
    void t8Apart() {
        T8_KNOWS_NO_OTHER_PROTOCOL.check(main);
        NO_OTHER_PROTOCOL_KNOWS_T8.check(main);
    }

    @Test
    void codecsDoNotDependOnPeers() {
        CODECS_DO_NOT_DEPEND_ON_PEERS.check(main);
    }

    @Test
    void gbaDependsOnNoProtocol() {
        GBA_DEPENDS_ON_NO_PROTOCOL.check(main);
    }

    @Test
    void tpduCodecIsJdkOnly() {
        TPDU_CODEC_IS_JDK_ONLY.check(main);
        GSM7_ALPHABET_IS_JDK_ONLY.check(main);
    }

    @Test
    void nothingDependsOnLabCode() {
        NOTHING_DEPENDS_ON_LAB_CODE.check(main);
    }

    @Test
    void smscDoesNotKnowTriggers() {
        SMSC_DOES_NOT_KNOW_TRIGGERS.check(main);
    }

    @Test
    void policyKnowsNoProcedure() {
        POLICY_KNOWS_NO_PROCEDURE.check(main);
    }

    /** The import sees every module, the lab included: a rule that checked nothing would pass for nothing. */
    @Test
    void everyModuleIsImported() {
        for (String pkg : new String[] {"org.mtcgate.filter", "org.mtcgate.diameter.peer", "org.mtcgate.map.router",
                "org.mtcgate.core.node", "org.mtcgate.lab.map", "org.mtcgate.smpp", "org.mtcgate.t8", "org.mtcgate.bsf.ub"}) {
            org.junit.jupiter.api.Assertions.assertTrue(main.containPackage(pkg), pkg + " was not imported");
        }
    }
}
