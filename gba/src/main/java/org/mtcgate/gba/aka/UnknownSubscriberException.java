package org.mtcgate.gba.aka;

import org.mtcgate.gba.Impi;

/** The store knows no subscriber of this IMPI (removed between the credentials and the SEQ, say). */
public final class UnknownSubscriberException extends RuntimeException {
    public UnknownSubscriberException(Impi impi) {
        super("no AKA subscriber " + impi);
    }
}
