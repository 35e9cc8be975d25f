package org.mtcgate.map.tpdu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks what the encoder writes against an independent decoder, Wireshark's gsm_sms dissector, when tshark
 * and text2pcap are installed (Debian package tshark); skipped otherwise. Each TPDU is framed as DLT USER0
 * mapped to gsm_sms; the packet direction tells the dissector SC-to-MS (SMS-DELIVER, outbound) from
 * MS-to-SC (SMS-SUBMIT, inbound), since TP-MTI alone does not.
 */
class TsharkCrossCheckTest {
    private static final String FIELDS = "gsm_sms.tp-mti gsm_sms.tp-mr gsm_sms.tp-oa gsm_sms.tp-da gsm_sms.tp-pid "
            + "gsm_sms.tp-dcs gsm_sms.tp-vpf gsm_sms.tp-udhi gsm_sms.destination_port gsm_sms.originator_port "
            + "gsm_sms.sms_text";

    @TempDir
    Path dir;

    @Test
    void wiresharkReadsOurTpdusAsWeMeantThem() throws Exception {
        assumeTrue(onPath("tshark") && onPath("text2pcap"), "tshark/text2pcap not installed");
        List<String> lines = new ArrayList<>();
        lines.add(frame('O', TpduCodec.encode(SmsDeliverCodecTest.triggerDeliver())));
        lines.add(frame('O', TpduCodec.encode(new SmsDeliver(true, false, true, false,
                SmsAddress.international("4915112345678"), 0x7F, 0xF6, new ServiceCentreTimeStamp(26, 1, 2, 3, 4, 5, -8),
                UserData.eightBit(UserDataHeader.of(InformationElement.applicationPort8(0x10, 0x20)),
                        new byte[] {1, 2, 3})))));
        lines.add(frame('O', TpduCodec.encode(new SmsDeliver(false, false, false, false,
                SmsAddress.international("12"), 0, 0, new ServiceCentreTimeStamp(26, 11, 22, 13, 41, 36, 4),
                UserData.gsm7(UserDataHeader.of(new InformationElement(0, new byte[] {1, 2, 1})), "Hi there!")))));
        lines.add(frame('I', TpduCodec.encode(new SmsSubmit(true, true, false, 127,
                SmsAddress.international("46708251358"), 0x48, 0x04,
                new ValidityPeriod.Absolute(new ServiceCentreTimeStamp(26, 11, 22, 13, 41, 36, 4)),
                UserData.eightBit(UserDataHeader.of(InformationElement.applicationPort16(2948, 9200)),
                        new byte[] {9})))));
        lines.add(frame('I', TpduCodec.encode(new SmsSubmit(false, false, false, 0,
                SmsAddress.international("46708251358"), 0, 0, new ValidityPeriod.Relative(0xAA),
                UserData.gsm7(null, "hellohello")))));

        List<String> rows = decode(lines);
        assertEquals(List.of(
                "0||491234567||72|4||1|9200|0|",
                "0||4915112345678||127|246||1|16|32|",
                "0||12||0|0||1|||Hi there!",
                "1|127||46708251358|72|4|3|1|2948|9200|",
                "1|0||46708251358|0|0|2|0|||hellohello"), rows);
    }

    /** SMS-STATUS-REPORT (SC to MS) and SMS-COMMAND (MS to SC), the types the router and MO path now screen. */
    @Test
    void wiresharkReadsStatusReportsAndCommandsAsWeDo() throws Exception {
        assumeTrue(onPath("tshark") && onPath("text2pcap"), "tshark/text2pcap not installed");
        List<String> lines = List.of(
                frame('O', Hex.parse("06 05 0A919403214365 62112231146340 62112231246340 00")),
                frame('O', Hex.parse("42 05 0A919403214365 62112231146340 62112231146340 20 07 7F F6 0C 06050423F00000 0102030405")),
                frame('I', Hex.parse("22 08 48 02 07 0C91947190785634 02 AABB")));
        for (String line : lines) { // what we decode, before asking Wireshark
            byte[] octets = Hex.parse(line.substring(7).replace(" ", ""));
            if (line.charAt(0) == 'O') {
                TpduCodec.decodeMt(octets);
            } else {
                TpduCodec.decodeMo(octets);
            }
        }
        List<String> rows = decode(lines, "gsm_sms.tp-mti gsm_sms.tp-mr gsm_sms.tp-ra gsm_sms.tp-da gsm_sms.tp-pid "
                + "gsm_sms.tp-dcs gsm_sms.tp-udhi gsm_sms.tp.parameter_indicator gsm_sms.tp.command_type "
                + "gsm_sms.tp.command_data_length gsm_sms.destination_port");
        assertEquals(List.of(
                "2|5|4930123456||||0||||",
                "2|5|4930123456||127|246|1|0x07|||9200",
                "2|8||491709876543|72||0||2|2|"), rows);
    }

    private static String frame(char direction, byte[] tpdu) {
        StringBuilder line = new StringBuilder().append(direction).append(" 0000");
        for (byte b : tpdu) {
            line.append(' ').append(String.format("%02x", b & 0xFF));
        }
        return line.toString();
    }

    private List<String> decode(List<String> frames) throws IOException, InterruptedException {
        return decode(frames, FIELDS);
    }

    private List<String> decode(List<String> frames, String fields) throws IOException, InterruptedException {
        Path text = Files.write(dir.resolve("tpdus.txt"), frames);
        Path capture = dir.resolve("tpdus.pcapng");
        run(List.of("text2pcap", "-q", "-D", "-l", "147", text.toString(), capture.toString()));
        List<String> command = new ArrayList<>(List.of("tshark", "-n", "-r", capture.toString(),
                "-o", "uat:user_dlts:\"User 0 (DLT=147)\",\"gsm_sms\",\"0\",\"\",\"0\",\"\"",
                "-T", "fields", "-E", "separator=|"));
        for (String field : fields.split(" ")) {
            command.add("-e");
            command.add(field);
        }
        return run(command);
    }

    private List<String> run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectError(dir.resolve("stderr.txt").toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(command.get(0) + " failed: " + Files.readString(dir.resolve("stderr.txt")));
        }
        return out.lines().toList();
    }

    private static boolean onPath(String program) {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(entry, program))) {
                return true;
            }
        }
        return false;
    }
}
