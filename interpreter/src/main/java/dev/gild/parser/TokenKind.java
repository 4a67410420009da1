package dev.gild.parser;

import java.util.HashMap;
import java.util.Map;

/** The kinds of token the {@link Lexer} produces: one constant per operator and keyword. */
public enum TokenKind {
    NAME(null), NUMBER(null), STRING(null),
    NEWLINE(null), INDENT(null), DEDENT(null),
    /** End of input. */
    END(null),
    /** A lexical error: the token's value is the {@link SyntaxErrorException} to raise on reaching it. */
    ERROR(null),
    /** A character that starts no token (e.g. {@code $} or {@code ?}): the parser reports "invalid syntax" there. */
    INVALID(null),

    LPAR("("), RPAR(")"), LSQB("["), RSQB("]"), LBRACE("{"), RBRACE("}"),
    COMMA(","), COLON(":"), SEMI(";"), DOT("."), ELLIPSIS("..."), ARROW("->"), COLONEQUAL(":="),
    PLUS("+"), MINUS("-"), STAR("*"), SLASH("/"), DOUBLESLASH("//"), PERCENT("%"), DOUBLESTAR("**"),
    AT("@"), AMPER("&"), VBAR("|"), CIRCUMFLEX("^"), TILDE("~"), LEFTSHIFT("<<"), RIGHTSHIFT(">>"),
    LESS("<"), GREATER(">"), EQEQUAL("=="), NOTEQUAL("!="), LESSEQUAL("<="), GREATEREQUAL(">="),
    EQUAL("="),
    PLUSEQUAL("+="), MINEQUAL("-="), STAREQUAL("*="), SLASHEQUAL("/="), DOUBLESLASHEQUAL("//="),
    PERCENTEQUAL("%="), DOUBLESTAREQUAL("**="), ATEQUAL("@="), AMPEREQUAL("&="), VBAREQUAL("|="),
    CIRCUMFLEXEQUAL("^="), LEFTSHIFTEQUAL("<<="), RIGHTSHIFTEQUAL(">>="),

    FALSE("False"), NONE("None"), TRUE("True"), AND("and"), AS("as"), ASSERT("assert"),
    ASYNC("async"), AWAIT("await"), BREAK("break"), CLASS("class"), CONTINUE("continue"),
    DEF("def"), DEL("del"), ELIF("elif"), ELSE("else"), EXCEPT("except"), FINALLY("finally"),
    FOR("for"), FROM("from"), GLOBAL("global"), IF("if"), IMPORT("import"), IN("in"), IS("is"),
    LAMBDA("lambda"), NONLOCAL("nonlocal"), NOT("not"), OR("or"), PASS("pass"), RAISE("raise"),
    RETURN("return"), TRY("try"), WHILE("while"), WITH("with"), YIELD("yield");

    /** The source spelling of an operator or keyword; null for the other kinds. */
    public final String symbol;

    TokenKind(String symbol) {
        this.symbol = symbol;
    }

    private static final Map<String, TokenKind> KEYWORDS = new HashMap<>();

    static {
        for (TokenKind kind : values()) {
            if (kind.symbol != null && Character.isLetter(kind.symbol.charAt(0))) {
                KEYWORDS.put(kind.symbol, kind);
            }
        }
    }

    /** The keyword spelled {@code word}, or null when it is an ordinary identifier. */
    public static TokenKind keyword(String word) {
        return KEYWORDS.get(word);
    }

    public boolean isKeyword() {
        return ordinal() >= FALSE.ordinal();
    }
}
