package dev.gild.runtime;

/**
 * The {@code exit} and {@code quit} builtins that CPython's site module adds: calling one raises
 * SystemExit with the given code, and the bare name, echoed at the prompt, tells how to leave.
 */
final class Quitter extends PyObject {
    static final PyType TYPE = PyTypes.newBuiltin("Quitter", null, false, null);

    static {
        TYPE.define("__repr__", (args, kw) -> {
            Args.check("__repr__", args, kw, 1, 0, 0);
            return "Use " + ((Quitter) args[0]).name + "() or Ctrl-D (i.e. EOF) to exit";
        });
        TYPE.define("__call__", (args, kw) -> {
            Object[] a = Args.parse("__call__", args, kw, 1, new String[] {"code"}, 0, 1);
            Object code = a[0] == null ? Py.None : a[0];
            PyBaseException exit = new PyBaseException(PyExc.SystemExit, code == Py.None ? new Object[0] : new Object[] {code});
            exit.setAttr("code", code);
            throw exit.toThrowable();
        });
    }

    private final String name;

    private Quitter(String name) {
        this.name = name;
    }

    @Override public PyType getType() { return TYPE; }

    static void install(PyDict builtins) {
        builtins.put("exit", new Quitter("exit"));
        builtins.put("quit", new Quitter("quit"));
    }
}
