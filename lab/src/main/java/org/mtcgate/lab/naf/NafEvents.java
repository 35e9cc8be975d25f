package org.mtcgate.lab.naf;

/** What the lab NAF tells its operator: one line per authentication and refusal. Never a key. */
@FunctionalInterface
public interface NafEvents {
    /**
     * @param btid    the B-TID the UE named, or null before it could be read
     * @param outcome "authenticated" or the refusal's rule
     * @param detail  the IMPI when authenticated, else the reason
     */
    void event(String btid, String outcome, String detail);

    NafEvents NONE = (btid, outcome, detail) -> { };
}
