package dev.gild.compiler;

/**
 * Instructions that exist only while a code unit is being built (CPython 3.11's pseudo-opcodes).
 * The assembler turns them into real instructions or into nothing.
 */
enum Pseudo {
    /** An unconditional jump; becomes JUMP_FORWARD or JUMP_BACKWARD once the layout is known. */
    JUMP,
    /**
     * Protects the following instructions (until the matching POP_BLOCK) with a handler that
     * receives the exception on top of the stack as it was here. Becomes an exception-table entry.
     */
    SETUP_FINALLY,
    /** As SETUP_FINALLY, for the cleanup handlers the compiler adds (restore the handled exception). */
    SETUP_CLEANUP,
    /**
     * As SETUP_FINALLY right after BEFORE_WITH: the handler's stack is {@code exit exc}, the
     * exception taking the place of {@code __enter__}'s result.
     */
    SETUP_WITH,
    /** Ends the protection of the innermost SETUP_*. */
    POP_BLOCK;

    boolean isBlockPush() { return this != JUMP && this != POP_BLOCK; }

    /** Stack depth change on entering the handler (or the jump target), relative to this point. */
    int jumpEffect() {
        return switch (this) {
            case SETUP_FINALLY, SETUP_CLEANUP -> 1;
            case JUMP, SETUP_WITH, POP_BLOCK -> 0;
        };
    }
}
