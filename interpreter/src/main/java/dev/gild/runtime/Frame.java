package dev.gild.runtime;

/** An activation of a code object (being written). */
public final class Frame {
}
