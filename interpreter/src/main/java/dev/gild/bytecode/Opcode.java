package dev.gild.bytecode;

import static dev.gild.bytecode.OperandKind.*;

/**
 * The instruction set, defined once. The compiler, the eval loop, {@code dis}, the tracer and the
 * compiled tier all read this enum: name, operand kind, stack effect and flags.
 *
 * <p>Encoding: one {@code int} per instruction, {@code opcode.ordinal() | operand << 8}
 * (operands up to 2^23-1). A jump operand is the absolute index of the target instruction.
 * {@code dis} shows offsets as {@code 2 * index}, as CPython's two-byte code units.
 *
 * <p>Stack notation in the comments: {@code (before -- after)}, top of stack on the right.
 * {@code NULL} is a Java null on the operand stack (never a Python value).
 *
 * <p>Exception handling uses an exception table, not block instructions (as CPython 3.11): see
 * {@link CodeObject#exceptionTable}. When an instruction in a protected range raises, the stack is
 * cut to the entry's depth, the exception object is pushed and execution goes to the handler.
 *
 * <p>Calls: the stack holds {@code callable, self_or_null, args...}. {@code LOAD_METHOD} pushes an
 * unbound method and its receiver, or the attribute and NULL; a plain call pushes NULL after the
 * callable with {@code PUSH_NULL}. A non-null self is passed as the first positional argument.
 */
public enum Opcode {
    // -- stack manipulation
    /** ( -- ): does nothing. */
    NOP(NONE, (a, j) -> 0),
    /** (x -- ): discards the top of stack. */
    POP_TOP(NONE, (a, j) -> -1),
    /** ( -- NULL): pushes a NULL (the self slot of a plain call). */
    PUSH_NULL(NONE, (a, j) -> 1),
    /** (... x_n ... x_1 -- ... x_n ... x_1 x_n): pushes a copy of the n-th item (1 = top). */
    COPY(COUNT, (a, j) -> 1),
    /** (... x_n ... x_1 -- ... x_1 ... x_n): swaps the top with the n-th item (n >= 2). */
    SWAP(COUNT, (a, j) -> 0),

    // -- loads and stores
    /** ( -- consts[i]). */
    LOAD_CONST(CONST, (a, j) -> 1),
    /** ( -- locals[i]): UnboundLocalError when unset. */
    LOAD_FAST(LOCAL, (a, j) -> 1),
    /** (v -- ): locals[i] = v. */
    STORE_FAST(LOCAL, (a, j) -> -1),
    /** ( -- ): unsets locals[i]; UnboundLocalError when already unset. */
    DELETE_FAST(LOCAL, (a, j) -> 0),
    /** ( -- cell[i].contents): NameError / UnboundLocalError ("cannot access free variable") when empty. */
    LOAD_DEREF(DEREF, (a, j) -> 1),
    /** (v -- ): cell[i].contents = v. */
    STORE_DEREF(DEREF, (a, j) -> -1),
    /** ( -- ): empties cell[i]. */
    DELETE_DEREF(DEREF, (a, j) -> 0),
    /** ( -- cell[i]): pushes the cell object itself, to build a closure tuple. */
    LOAD_CLOSURE(DEREF, (a, j) -> 1),
    /** ( -- v): in a class body, names[...] looked up in the class namespace first, else cell[i]. */
    LOAD_CLASSDEREF(DEREF, (a, j) -> 1),
    /** ( -- v): globals[names[i]], else builtins; NameError "name 'x' is not defined". */
    LOAD_GLOBAL(NAME, (a, j) -> 1),
    /** (v -- ): globals[names[i]] = v. */
    STORE_GLOBAL(NAME, (a, j) -> -1),
    /** ( -- ): del globals[names[i]]. */
    DELETE_GLOBAL(NAME, (a, j) -> 0),
    /** ( -- v): locals mapping, then globals, then builtins (module and class bodies). */
    LOAD_NAME(NAME, (a, j) -> 1),
    /** (v -- ): locals mapping[names[i]] = v. */
    STORE_NAME(NAME, (a, j) -> -1),
    /** ( -- ): del locals mapping[names[i]]. */
    DELETE_NAME(NAME, (a, j) -> 0),
    /** (obj -- obj.names[i]). */
    LOAD_ATTR(NAME, (a, j) -> 0),
    /** (v obj -- ): obj.names[i] = v. */
    STORE_ATTR(NAME, (a, j) -> -2),
    /** (obj -- ): del obj.names[i]. */
    DELETE_ATTR(NAME, (a, j) -> -1),
    /** (obj -- meth obj) when names[i] is a plain method on the type, else (obj -- attr NULL). */
    LOAD_METHOD(NAME, (a, j) -> 1),
    /** ( -- AssertionError): the builtin class, whatever the name is bound to. */
    LOAD_ASSERTION_ERROR(NONE, (a, j) -> 1),
    /** ( -- __build_class__). */
    LOAD_BUILD_CLASS(NONE, (a, j) -> 1),

    // -- operators
    /** (a b -- a op b): op is a {@link BinaryOp}; the INPLACE_ forms try __iop__ first. */
    BINARY_OP(OperandKind.BINARY_OP, (a, j) -> -1),
    /** (a -- -a). */
    UNARY_NEGATIVE(NONE, (a, j) -> 0),
    /** (a -- +a). */
    UNARY_POSITIVE(NONE, (a, j) -> 0),
    /** (a -- not a): a bool. */
    UNARY_NOT(NONE, (a, j) -> 0),
    /** (a -- ~a). */
    UNARY_INVERT(NONE, (a, j) -> 0),
    /** (a b -- a op b): op is a {@link CompareOp}; rich comparison, result as returned. */
    COMPARE_OP(OperandKind.COMPARE_OP, (a, j) -> -1),
    /** (a b -- bool): {@code a is b}, or {@code a is not b} when the operand is 1. */
    IS_OP(FLAGS, (a, j) -> -1),
    /** (a b -- bool): {@code a in b}, or {@code a not in b} when the operand is 1. */
    CONTAINS_OP(FLAGS, (a, j) -> -1),

    // -- subscripts
    /** (container key -- container[key]). */
    BINARY_SUBSCR(NONE, (a, j) -> -1),
    /** (v container key -- ): container[key] = v. */
    STORE_SUBSCR(NONE, (a, j) -> -3),
    /** (container key -- ): del container[key]. */
    DELETE_SUBSCR(NONE, (a, j) -> -2),
    /** (start stop -- slice) when the operand is 2; (start stop step -- slice) when 3. */
    BUILD_SLICE(COUNT, (a, j) -> 1 - a),

    // -- building values
    /** (x_1 ... x_n -- tuple). */
    BUILD_TUPLE(COUNT, (a, j) -> 1 - a),
    /** (x_1 ... x_n -- list). */
    BUILD_LIST(COUNT, (a, j) -> 1 - a),
    /** (x_1 ... x_n -- set). */
    BUILD_SET(COUNT, (a, j) -> 1 - a),
    /** (k_1 v_1 ... k_n v_n -- dict): later keys win, insertion order kept. */
    BUILD_MAP(COUNT, (a, j) -> 1 - 2 * a),
    /** (v_1 ... v_n keys -- dict): keys is a tuple constant of n keys. */
    BUILD_CONST_KEY_MAP(COUNT, (a, j) -> -a),
    /** (s_1 ... s_n -- str): concatenates n strings (f-strings). */
    BUILD_STRING(COUNT, (a, j) -> 1 - a),
    /** (list ... v -- list ... ): list.append(v), the list being the n-th item after popping v. */
    LIST_APPEND(COUNT, (a, j) -> -1),
    /** (set ... v -- set ...): set.add(v), as LIST_APPEND. */
    SET_ADD(COUNT, (a, j) -> -1),
    /** (dict ... k v -- dict ...): dict[k] = v, the dict being the n-th item after popping k, v. */
    MAP_ADD(COUNT, (a, j) -> -2),
    /** (list ... it -- list ...): list.extend(it), as LIST_APPEND. */
    LIST_EXTEND(COUNT, (a, j) -> -1),
    /** (set ... it -- set ...): set.update(it), as LIST_APPEND. */
    SET_UPDATE(COUNT, (a, j) -> -1),
    /** (dict ... m -- dict ...): dict.update(m); TypeError "'int' object is not a mapping". */
    DICT_UPDATE(COUNT, (a, j) -> -1),
    /** (f NULL ... dict ... m -- same): dict.update(m) for **m in a call: duplicate keys raise "f() got multiple values for keyword argument 'k'", non-mappings "f() argument after ** must be a mapping, not int". */
    DICT_MERGE(COUNT, (a, j) -> -1),
    /** (list -- tuple). */
    LIST_TO_TUPLE(NONE, (a, j) -> 0),
    /** (v -- str) or (v spec -- str) when flags & 4: format(conv(v), spec); flags & 3: 0 none, 1 str, 2 repr, 3 ascii. */
    FORMAT_VALUE(FLAGS, (a, j) -> (a & 4) != 0 ? -1 : 0),
    /** (seq -- x_n ... x_1): unpacks exactly n items, the first one on top. */
    UNPACK_SEQUENCE(COUNT, (a, j) -> a - 1),
    /** (seq -- x_after ... list x_before...): operand = before | after << 8; the starred part is a list; first item on top. */
    UNPACK_EX(COUNT, (a, j) -> (a & 0xFF) + (a >> 8)),

    // -- control flow
    /** ( -- ): jumps forward to the target. */
    JUMP_FORWARD(JUMP, (a, j) -> 0, Flag.JUMP | Flag.UNCONDITIONAL),
    /** ( -- ): jumps backward to the target (a loop back edge: a switch point in backedge mode). */
    JUMP_BACKWARD(JUMP, (a, j) -> 0, Flag.JUMP | Flag.UNCONDITIONAL | Flag.SWITCH_POINT),
    /** (v -- ): jumps when v is false. */
    POP_JUMP_IF_FALSE(JUMP, (a, j) -> -1, Flag.JUMP),
    /** (v -- ): jumps when v is true. */
    POP_JUMP_IF_TRUE(JUMP, (a, j) -> -1, Flag.JUMP),
    /** (v -- ): jumps when v is None. */
    POP_JUMP_IF_NONE(JUMP, (a, j) -> -1, Flag.JUMP),
    /** (v -- ): jumps when v is not None. */
    POP_JUMP_IF_NOT_NONE(JUMP, (a, j) -> -1, Flag.JUMP),
    /** (v -- v) and jumps when v is false, else (v -- ): the {@code and} operator. */
    JUMP_IF_FALSE_OR_POP(JUMP, (a, j) -> j ? 0 : -1, Flag.JUMP),
    /** (v -- v) and jumps when v is true, else (v -- ): the {@code or} operator. */
    JUMP_IF_TRUE_OR_POP(JUMP, (a, j) -> j ? 0 : -1, Flag.JUMP),
    /** (obj -- iter(obj)). */
    GET_ITER(NONE, (a, j) -> 0),
    /** (iter -- iter next) or, when exhausted, (iter -- ) and jumps to the target. */
    FOR_ITER(JUMP, (a, j) -> j ? -1 : 1, Flag.JUMP),

    // -- calls and functions
    /** (f self_or_null a_1 ... a_n -- result): calls with n positional arguments. */
    CALL(COUNT, (a, j) -> -1 - a, Flag.SWITCH_POINT),
    /** (f self_or_null a_1 ... a_n kwnames -- result): n arguments, the last len(kwnames) of them by keyword; kwnames is a tuple of str. */
    CALL_KW(COUNT, (a, j) -> -2 - a, Flag.SWITCH_POINT),
    /** (f self_or_null args kwargs_or_NULL -- result): args is a tuple; kwargs (a dict) present when flags & 1, else the slot is absent. */
    CALL_FUNCTION_EX(FLAGS, (a, j) -> (a & 1) != 0 ? -3 : -2, Flag.SWITCH_POINT),
    /**
     * ([defaults] [kwdefaults] [annotations] [closure] code -- function): flags 1: a tuple of
     * positional defaults; 2: a dict of keyword-only defaults; 4: a dict of annotations;
     * 8: a tuple of cells. Present items are pushed in this order, the code object last.
     */
    MAKE_FUNCTION(FLAGS, (a, j) -> -Integer.bitCount(a & 15)),
    /** (v -- ): returns v to the caller. */
    RETURN_VALUE(NONE, (a, j) -> -1, Flag.UNCONDITIONAL),
    /** (v -- sent): yields v from a generator; the value sent in on resumption is pushed. */
    YIELD_VALUE(NONE, (a, j) -> 0),
    /** (obj -- iter): iter(obj), or obj itself when it is a generator. */
    GET_YIELD_FROM_ITER(NONE, (a, j) -> 0),
    /**
     * (iter v -- result): {@code yield from}. Sends v into iter (next() when v is None). When iter
     * yields y, the frame yields y and this instruction runs again on resumption with the new
     * sent value in v's place; when iter returns r (StopIteration), pops both and pushes r.
     */
    YIELD_FROM(NONE, (a, j) -> -1),

    // -- exceptions
    /** (exc -- prev_exc exc): saves the exception being handled (or None) and makes exc the handled one. */
    PUSH_EXC_INFO(NONE, (a, j) -> 1),
    /** (prev_exc -- ): restores the exception being handled to prev_exc. */
    POP_EXCEPT(NONE, (a, j) -> -1),
    /** (exc type -- exc bool): whether exc is an instance of type (a class or tuple of classes); TypeError for a non-exception class. */
    CHECK_EXC_MATCH(NONE, (a, j) -> 0),
    /** (exc -- ): re-raises exc, keeping its traceback (no new entry for this frame). */
    RERAISE(NONE, (a, j) -> -1, Flag.UNCONDITIONAL),
    /** ( -- ) operand 0: re-raise the handled exception; (exc -- ) 1: raise exc; (exc cause -- ) 2: raise exc from cause. */
    RAISE_VARARGS(COUNT, (a, j) -> -a, Flag.UNCONDITIONAL),
    /** (mgr -- exit enter_result): looks up __enter__/__exit__ on the type, calls __enter__, pushes the bound __exit__. */
    BEFORE_WITH(NONE, (a, j) -> 1),
    /** (exit prev_exc exc -- exit prev_exc exc result): result = exit(type(exc), exc, exc.__traceback__). */
    WITH_EXCEPT_START(NONE, (a, j) -> 1),

    // -- modules and namespaces
    /** (level fromlist -- module): __import__(names[i], globals, None, fromlist, level). */
    IMPORT_NAME(NAME, (a, j) -> -1),
    /** (module -- module attr): from module import names[i]; ImportError "cannot import name 'x' from 'm' (path)". */
    IMPORT_FROM(NAME, (a, j) -> 1),
    /** (module -- ): from module import * into the locals mapping. */
    IMPORT_STAR(NONE, (a, j) -> -1),
    /** ( -- ): creates __annotations__ in the locals mapping when absent (module and class bodies). */
    SETUP_ANNOTATIONS(NONE, (a, j) -> 0),
    /** (v -- ): REPL echo: when v is not None, prints repr(v) and binds builtins._. */
    PRINT_EXPR(NONE, (a, j) -> -1);

    /** Flag bits describing control flow. */
    public static final class Flag {
        /** The operand is a jump target. */
        public static final int JUMP = 1;
        /** Execution never falls through to the next instruction. */
        public static final int UNCONDITIONAL = 2;
        /** A thread switch may happen before this instruction also in {@code --preempt-at backedge} mode. */
        public static final int SWITCH_POINT = 4;

        private Flag() {}
    }

    /** Stack effect of an instruction given its operand and whether its jump is taken. */
    @FunctionalInterface
    public interface StackEffect {
        int of(int operand, boolean jumpTaken);
    }

    private static final Opcode[] VALUES = values();

    public final OperandKind operandKind;
    private final StackEffect stackEffect;
    public final int flags;

    Opcode(OperandKind operandKind, StackEffect stackEffect) {
        this(operandKind, stackEffect, 0);
    }

    Opcode(OperandKind operandKind, StackEffect stackEffect, int flags) {
        this.operandKind = operandKind;
        this.stackEffect = stackEffect;
        this.flags = flags;
    }

    public static Opcode of(int ordinal) { return VALUES[ordinal]; }

    public int stackEffect(int operand, boolean jumpTaken) { return stackEffect.of(operand, jumpTaken); }

    public boolean hasJump() { return (flags & Flag.JUMP) != 0; }

    public boolean isUnconditional() { return (flags & Flag.UNCONDITIONAL) != 0; }

    public boolean isSwitchPoint() { return (flags & Flag.SWITCH_POINT) != 0; }

    // -- instruction words

    public static final int OPCODE_BITS = 8;
    public static final int OPCODE_MASK = (1 << OPCODE_BITS) - 1;
    public static final int MAX_OPERAND = (1 << (31 - OPCODE_BITS)) - 1;

    public int encode(int operand) {
        if (operand < 0 || operand > MAX_OPERAND) {
            throw new IllegalArgumentException(name() + " operand out of range: " + operand);
        }
        return ordinal() | operand << OPCODE_BITS;
    }

    public static Opcode opcodeOf(int word) { return VALUES[word & OPCODE_MASK]; }

    public static int operandOf(int word) { return word >>> OPCODE_BITS; }
}
