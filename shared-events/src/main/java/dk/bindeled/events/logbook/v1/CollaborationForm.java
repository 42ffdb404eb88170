package dk.bindeled.events.logbook.v1;

/** The five forms of collaboration, from least to most committing (report 004, figure 7). */
public enum CollaborationForm {
    /** Knowledge sharing: we talk about our respective work. */
    VIDENDELE,
    /** Working alongside: we refer residents to each other and avoid doing the same thing. */
    SAMVIRKE,
    /** Resource exchange: we give, share or lend something material. */
    RESSOURCEUDVEKSLE,
    /** Coordination: we plan our activities together. */
    SAMORDNE,
    /** Co-creation: we develop something new together, with the residents. */
    SAMSKABE
}
