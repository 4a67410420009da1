package dev.gild.stdlib.traceback;

import dev.gild.runtime.Args;
import dev.gild.runtime.InterpreterState;
import dev.gild.runtime.ModuleProvider;
import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyBaseException;
import dev.gild.runtime.PyExc;
import dev.gild.runtime.PyList;
import dev.gild.runtime.PyModule;
import dev.gild.runtime.PyTraceback;
import dev.gild.runtime.PyTuple;
import dev.gild.runtime.TracebackCarets;
import dev.gild.runtime.TracebackPrinter;

/**
 * _traceback: the interpreter's own traceback formatting (TracebackPrinter) for the traceback
 * module, so traceback.format_exc() and an uncaught exception print the same text; the source
 * span of a traceback entry and the 3.11 marker line under it for FrameSummary.
 */
public final class TracebackNative implements ModuleProvider {
    @Override public String name() { return "_traceback"; }

    @Override
    public PyModule create(InterpreterState interp) {
        PyModule m = new PyModule("_traceback");
        m.define("format_exception", (args, kw) -> {
            Args.check("format_exception", args, kw, 0, 1, 1);
            return TracebackPrinter.format(exception(args[0]));
        });
        m.define("format_exception_only", (args, kw) -> {
            Args.check("format_exception_only", args, kw, 0, 1, 1);
            PyBaseException e = exception(args[0]);
            PyList out = new PyList();
            if (e.isInstance(PyExc.SyntaxError)) {
                StringBuilder sb = new StringBuilder();
                TracebackPrinter.formatSyntaxError(sb, e);
                for (String line : sb.toString().split("\n")) if (!line.isEmpty()) out.append(line + "\n");
            }
            out.append(TracebackPrinter.exceptionLine(e) + "\n");
            Object notes = e.attr("__notes__");
            if (notes instanceof PyList l) {
                for (Object note : Ops.toArray(l)) out.append(Ops.str(note) + "\n");
            }
            return out;
        });
        m.define("source_line", (args, kw) -> {
            Args.check("source_line", args, kw, 0, 2, 2);
            String line = TracebackPrinter.sourceLine(Ops.str(args[0]), (int) Ops.indexLong(args[1]));
            return line == null ? "" : line + "\n";
        });
        m.define("positions", (args, kw) -> {
            Args.check("positions", args, kw, 0, 1, 1);
            if (!(args[0] instanceof PyTraceback tb)) {
                throw Py.typeError("expected a traceback, not " + Ops.typeName(args[0]));
            }
            return new PyTuple(new Object[] {(long) tb.line, orNone(tb.endLine), orNone(tb.col), orNone(tb.endCol)});
        });
        m.define("markers", (args, kw) -> {
            Args.check("markers", args, kw, 0, 5, 5);
            for (int i = 1; i < 5; i++) if (args[i] == Py.None) return Py.None;
            String markers = TracebackCarets.markers(Ops.str(args[0]), (int) Ops.indexLong(args[1]),
                    (int) Ops.indexLong(args[2]), (int) Ops.indexLong(args[3]), (int) Ops.indexLong(args[4]));
            return markers == null ? Py.None : markers;
        });
        return m;
    }

    private static Object orNone(int position) {
        return position < 0 ? Py.None : (Object) (long) position;
    }

    private static PyBaseException exception(Object o) {
        if (o instanceof PyBaseException e) return e;
        throw Py.typeError("expected an exception instance, not " + Ops.typeName(o));
    }
}
