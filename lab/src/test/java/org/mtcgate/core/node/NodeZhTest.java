package org.mtcgate.core.node;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.core.config.NodeConfigFile;
import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.dictionary.CommandCodes;
import org.mtcgate.diameter.dictionary.VendorIds;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.diameter.peer.DiameterNodeConfig;
import org.mtcgate.diameter.peer.LocalIdentity;
import org.mtcgate.diameter.peer.PeerConfig;
import org.mtcgate.diameter.peer.PeerRole;
import org.mtcgate.diameter.zh.ZhAvps;
import org.mtcgate.gba.Autn;
import org.mtcgate.gba.Impi;
import org.mtcgate.gba.OpC;
import org.mtcgate.gba.Rand;
import org.mtcgate.gba.SubscriberKey;
import org.mtcgate.gba.aka.AkaCredentials;
import org.mtcgate.gba.aka.SqnProfile;
import org.mtcgate.gba.aka.Usim;
import org.mtcgate.gba.aka.UsimSequenceState;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The node as HSS on Zh: a BSF gets vectors for a subscriber of the subscriber file, and SEQ_HE survives a restart
 * of the node (a USIM that took the first vector takes the one after the restart too).
 */
class NodeZhTest {
    static final long WAIT = 20;
    static final String IMPI = "262015500000001@ims.mnc001.mcc262.3gppnetwork.org";
    static final AkaCredentials SUB = new AkaCredentials(new Impi(IMPI),
            SubscriberKey.ofHex("465b5ce8b199b49faa5f0a2ee238a6bc"), OpC.ofHex("cd63cb71954a9f4e48a5994e37a02baf"));

    @TempDir
    Path dir;
    Node node;
    DiameterNode bsf;

    @AfterEach
    void stop() throws Exception {
        NodeLab.closeAll(bsf, node);
    }

    @Test
    void vectorsFromTheSubscriberFileAndSqnOverARestart() throws Exception {
        Files.writeString(dir.resolve("policy.yaml"), "version: 1\nsenders: []\n");
        Files.writeString(dir.resolve("subscribers.yaml"), """
                subscribers:
                  - {imsi: "262015500000001", impi: "%s",
                     k: "465b5ce8b199b49faa5f0a2ee238a6bc", opc: "cd63cb71954a9f4e48a5994e37a02baf"}
                  - {imsi: "262015500000002"}
                """.formatted(IMPI));
        Files.writeString(dir.resolve("mtcgate.yaml"), """
                node: {name: hss, data-dir: data}
                roles: [hss]
                policy: policy.yaml
                subscribers: subscribers.yaml
                diameter: {identity: hss.operator.test, listen: 127.0.0.1:0, insecure-lab: true,
                           peers: [{host: bsf.operator.test, role: bsf}]}
                """);

        start();
        Usim usim = new Usim(SUB);
        Usim.Success first = assertInstanceOf(Usim.Success.class, authenticate(usim, UsimSequenceState.initial()));
        assertEquals(SqnProfile.forSeq(1), first.next().highest());
        assertEquals(5401, experimentalResultCode(send(mar("262015500000002@ims.mnc001.mcc262.3gppnetwork.org"))),
                "a subscriber without credentials is not served on Zh");

        bsf.close();
        node.close();
        start();
        Usim.Success second = assertInstanceOf(Usim.Success.class, authenticate(usim, first.next()));
        assertEquals(SqnProfile.forSeq(2), second.next().highest(), "SEQ_HE came back from data/hss-sqn");
        assertTrue(Files.isDirectory(dir.resolve("data").resolve("hss-sqn")));
    }

    private void start() throws Exception {
        node = Node.start(NodeConfigFile.load(dir.resolve("mtcgate.yaml")), Clock.systemUTC());
        bsf = new DiameterNode(DiameterNodeConfig.builder(LocalIdentity.of("bsf.operator.test", "operator.test",
                        InetAddress.getLoopbackAddress())).insecureLab(true)
                .peer(PeerConfig.connecting("hss.operator.test", "operator.test", node.diameterAddress().orElseThrow(),
                        PeerRole.HSS)).build());
        bsf.supportApplication(ApplicationIds.ZH).start();
        bsf.whenPeerOpen("hss.operator.test").get(WAIT, TimeUnit.SECONDS);
    }

    private Usim.Response authenticate(Usim usim, UsimSequenceState state) throws Exception {
        DiameterMessage maa = send(mar(IMPI));
        assertEquals(2001, maa.avp(AvpCodes.RESULT_CODE).orElseThrow().unsigned32());
        List<Avp> item = maa.avp(AvpCodes.SIP_AUTH_DATA_ITEM, VendorIds.TGPP).orElseThrow().groupedAvps();
        byte[] authenticate = item.stream().filter(a -> a.code() == AvpCodes.SIP_AUTHENTICATE).findFirst().orElseThrow().data();
        return usim.authenticate(state, new Rand(Arrays.copyOfRange(authenticate, 0, 16)),
                new Autn(Arrays.copyOfRange(authenticate, 16, 32)));
    }

    private DiameterMessage send(DiameterMessage mar) throws Exception {
        return bsf.sendRequest(mar).get(WAIT, TimeUnit.SECONDS);
    }

    private static long experimentalResultCode(DiameterMessage maa) {
        return maa.avp(AvpCodes.EXPERIMENTAL_RESULT).orElseThrow().groupedAvps().stream()
                .filter(a -> a.code() == AvpCodes.EXPERIMENTAL_RESULT_CODE).findFirst().orElseThrow().unsigned32();
    }

    private static DiameterMessage mar(String impi) {
        return DiameterMessage.request(CommandCodes.MULTIMEDIA_AUTH, ApplicationIds.ZH, true)
                .avp(BaseAvps.sessionId("bsf.operator.test;zh;" + System.nanoTime()))
                .avp(ZhAvps.vendorSpecificApplicationId())
                .avp(BaseAvps.authSessionState(1))
                .avp(BaseAvps.originHost("bsf.operator.test"))
                .avp(BaseAvps.originRealm("operator.test"))
                .avp(BaseAvps.destinationRealm("operator.test"))
                .avp(Avp.builder(AvpCodes.USER_NAME).mandatory().utf8(impi))
                .build();
    }
}
