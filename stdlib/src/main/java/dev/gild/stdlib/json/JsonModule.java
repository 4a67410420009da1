package dev.gild.stdlib.json;

import dev.gild.runtime.InterpreterState;
import dev.gild.runtime.ModuleProvider;
import dev.gild.runtime.PyModule;

/**
 * {@code _json}: the native half of the json package (json/__init__.py holds the public API).
 * {@code encode} serialises a whole object to a str; {@code scan} decodes one value at an index.
 */
public final class JsonModule implements ModuleProvider {
    @Override public String name() { return "_json"; }

    @Override public PyModule create(InterpreterState interp) {
        PyModule m = new PyModule("_json");
        m.define("encode", JsonEncoder::encode);
        m.define("scan", JsonScanner::scan);
        m.define("encode_basestring", (args, kw) -> JsonEncoder.quote(args[0], false));
        m.define("encode_basestring_ascii", (args, kw) -> JsonEncoder.quote(args[0], true));
        return m;
    }
}
