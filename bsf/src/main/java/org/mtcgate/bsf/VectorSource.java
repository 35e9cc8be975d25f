package org.mtcgate.bsf;

import org.mtcgate.gba.Auts;
import org.mtcgate.gba.Impi;
import org.mtcgate.gba.Rand;
import org.mtcgate.gba.aka.HomeAuthentication;

import java.util.concurrent.CompletionStage;

/**
 * Where the BSF gets authentication vectors (TS 33.220 4.5.2 step 2): the node's own HSS in the same process
 * ({@link HomeAuthentication}), or an HSS over Zh. Never blocks the caller.
 */
public interface VectorSource {
    /** One vector for the IMPI. */
    CompletionStage<HomeAuthentication.Outcome> vector(Impi impi);

    /** A vector after the UE's synchronisation failure: RAND of the refused challenge and the UE's AUTS. */
    CompletionStage<HomeAuthentication.Outcome> resynchronise(Impi impi, Rand rand, Auts auts);

    /** The node's own HSS. */
    static VectorSource of(HomeAuthentication home) {
        return new VectorSource() {
            @Override
            public CompletionStage<HomeAuthentication.Outcome> vector(Impi impi) {
                return home.vector(impi);
            }

            @Override
            public CompletionStage<HomeAuthentication.Outcome> resynchronise(Impi impi, Rand rand, Auts auts) {
                return home.resynchronise(impi, rand, auts);
            }
        };
    }
}
