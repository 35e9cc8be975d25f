package org.mtcgate.lab.cli;

import org.mtcgate.map.tpdu.InformationElement;
import org.mtcgate.map.tpdu.UserData;
import org.mtcgate.map.tpdu.UserDataHeader;
import picocli.CommandLine.Option;

import java.util.HexFormat;

/** What an SM carries: TP-PID, TP-DCS, user data and an optional 16-bit application port (IE 5). */
final class SimSmOptions {
    @Option(names = "--pid", defaultValue = "0", description = "TP-PID, e.g. 0, 0x48 (trigger), 0x7F (SIM OTA) (default ${DEFAULT-VALUE})")
    String pid;

    @Option(names = "--text", description = "user data as text (GSM 7-bit; the default is 'mtcgate lab')")
    String text;

    @Option(names = "--payload-hex", description = "user data as hex octets (8-bit data, TP-DCS 0x04)")
    String payloadHex;

    @Option(names = "--dcs", description = "TP-DCS to use instead of the one the user data implies")
    String dcs;

    @Option(names = "--port", description = "destination application port (adds a 16-bit port IE, originator port 0)")
    Integer port;

    int tpPid() {
        return octet("--pid", pid);
    }

    int tpDcs() {
        if (dcs != null) {
            return octet("--dcs", dcs);
        }
        return payloadHex != null ? 0x04 : 0x00;
    }

    UserData userData() {
        UserDataHeader header = port == null ? null : UserDataHeader.of(InformationElement.applicationPort16(port, 0));
        if (payloadHex != null) {
            return UserData.eightBit(header, HexFormat.of().parseHex(payloadHex));
        }
        return UserData.gsm7(header, text != null ? text : "mtcgate lab");
    }

    String describe() {
        return String.format("TP-PID 0x%02X%s", tpPid(), port == null ? "" : ", port " + port);
    }

    private static int octet(String option, String value) {
        int v = Integer.decode(value.trim());
        if (v < 0 || v > 0xFF) {
            throw new IllegalArgumentException(option + " must be one octet: " + value);
        }
        return v;
    }
}
