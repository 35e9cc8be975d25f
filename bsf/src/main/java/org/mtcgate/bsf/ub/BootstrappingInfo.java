package org.mtcgate.bsf.ub;

import org.mtcgate.gba.bootstrap.Btid;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The body of the BSF's 200 OK on Ub (TS 24.109 Annex C, media type {@code application/vnd.3gpp.bsf+xml}):
 * {@code <BootstrappingInfo xmlns="uri:3gpp-gba"><btid/><lifetime/></BootstrappingInfo>}, the lifetime an
 * xs:dateTime in UTC. Element names, namespace and media type as three independent implementations and a capture
 * write them (bsf/PROFILE.md); the Annex C schema itself was not read.
 */
public record BootstrappingInfo(Btid btid, Instant lifetime) {
    public static final String MEDIA_TYPE = "application/vnd.3gpp.bsf+xml";
    public static final String NAMESPACE = "uri:3gpp-gba";
    /** A body larger than this is not a BootstrappingInfo. */
    static final int MAX_BODY = 4096;

    public BootstrappingInfo {
        if (btid == null || lifetime == null) {
            throw new IllegalArgumentException("a BootstrappingInfo has a B-TID and a lifetime");
        }
    }

    /** The XML octets, UTF-8; the lifetime to the second. */
    public byte[] encode() {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<BootstrappingInfo xmlns=\"" + NAMESPACE + "\">\n"
                + "<btid>" + escape(btid.value()) + "</btid>\n"
                + "<lifetime>" + lifetime.truncatedTo(ChronoUnit.SECONDS) + "</lifetime>\n"
                + "</BootstrappingInfo>\n";
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    /** Reads a body as a UE does: no DTD, no external entities; root, namespace and both elements required. */
    public static BootstrappingInfo decode(byte[] body) {
        if (body.length > MAX_BODY) {
            throw new IllegalArgumentException("a BootstrappingInfo of " + body.length + " octets is too large");
        }
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            doc = b.parse(new ByteArrayInputStream(body));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("the body is not well-formed XML: " + e.getMessage());
        }
        Element root = doc.getDocumentElement();
        if (!"BootstrappingInfo".equals(root.getLocalName()) || !NAMESPACE.equals(root.getNamespaceURI())) {
            throw new IllegalArgumentException("the root is not BootstrappingInfo in " + NAMESPACE);
        }
        String btid = child(root, "btid");
        String lifetime = child(root, "lifetime");
        try {
            return new BootstrappingInfo(new Btid(btid), OffsetDateTime.parse(lifetime).toInstant());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("lifetime '" + lifetime + "' is not an xs:dateTime with offset");
        }
    }

    private static String child(Element root, String name) {
        String found = null;
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName()) && NAMESPACE.equals(e.getNamespaceURI())) {
                if (found != null) {
                    throw new IllegalArgumentException("BootstrappingInfo has two " + name);
                }
                found = e.getTextContent().strip();
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("BootstrappingInfo has no " + name);
        }
        return found;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
