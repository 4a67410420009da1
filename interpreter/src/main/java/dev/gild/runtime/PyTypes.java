package dev.gild.runtime;

/**
 * The built-in types. All type objects are created first, then each area's installer adds its
 * methods, so installers may refer to any type. The exception classes are in {@link PyExc}.
 */
public final class PyTypes {
    public static final PyType OBJECT;
    public static final PyType TYPE;
    public static final PyType DICT;
    public static final PyType NONE;
    public static final PyType NOT_IMPLEMENTED;
    public static final PyType ELLIPSIS;
    public static final PyType INT;
    public static final PyType BOOL;
    public static final PyType FLOAT;
    public static final PyType COMPLEX;
    public static final PyType STR;
    public static final PyType BYTES;
    public static final PyType BYTEARRAY;
    public static final PyType LIST;
    public static final PyType TUPLE;
    public static final PyType SET;
    public static final PyType FROZENSET;
    public static final PyType RANGE;
    public static final PyType SLICE;
    public static final PyType FUNCTION;
    public static final PyType BUILTIN_FUNCTION;
    public static final PyType METHOD_DESCRIPTOR;
    public static final PyType GETSET_DESCRIPTOR;
    public static final PyType METHOD;
    public static final PyType CELL;
    public static final PyType CODE;
    public static final PyType FRAME;
    public static final PyType TRACEBACK;
    public static final PyType MODULE;
    public static final PyType GENERATOR;
    public static final PyType PROPERTY;
    public static final PyType STATICMETHOD;
    public static final PyType CLASSMETHOD;
    public static final PyType SUPER;

    static {
        OBJECT = new PyType("object", null, true, PyInstance::new);
        TYPE = new PyType("type", OBJECT, true, null);
        DICT = new PyType("dict", OBJECT, true, PyDict::new);
        NONE = new PyType("NoneType", OBJECT, false, null);
        NOT_IMPLEMENTED = new PyType("NotImplementedType", OBJECT, false, null);
        ELLIPSIS = new PyType("ellipsis", OBJECT, false, null);
        INT = new PyType("int", OBJECT, true, PyBoxed::new);
        BOOL = new PyType("bool", INT, false, null);
        FLOAT = new PyType("float", OBJECT, true, PyBoxed::new);
        COMPLEX = new PyType("complex", OBJECT, true, PyBoxed::new);
        STR = new PyType("str", OBJECT, true, PyBoxed::new);
        BYTES = new PyType("bytes", OBJECT, true, PyBoxed::new);
        BYTEARRAY = new PyType("bytearray", OBJECT, true, PyByteArray::new);
        LIST = new PyType("list", OBJECT, true, PyList::new);
        TUPLE = new PyType("tuple", OBJECT, true, t -> new PyTuple(t, new Object[0]));
        SET = new PyType("set", OBJECT, true, PySet::new);
        FROZENSET = new PyType("frozenset", OBJECT, true, PySet::newFrozen);
        RANGE = new PyType("range", OBJECT, false, null);
        SLICE = new PyType("slice", OBJECT, false, null);
        FUNCTION = new PyType("function", OBJECT, false, null);
        BUILTIN_FUNCTION = new PyType("builtin_function_or_method", OBJECT, false, null);
        METHOD_DESCRIPTOR = new PyType("method_descriptor", OBJECT, false, null);
        GETSET_DESCRIPTOR = new PyType("getset_descriptor", OBJECT, false, null);
        METHOD = new PyType("method", OBJECT, false, null);
        CELL = new PyType("cell", OBJECT, false, null);
        CODE = new PyType("code", OBJECT, false, null);
        FRAME = new PyType("frame", OBJECT, false, null);
        TRACEBACK = new PyType("traceback", OBJECT, false, null);
        MODULE = new PyType("module", OBJECT, true, PyModule::new);
        GENERATOR = new PyType("generator", OBJECT, false, null);
        PROPERTY = new PyType("property", OBJECT, true, t -> new PyProperty(t, Py.None, Py.None, Py.None, Py.None));
        STATICMETHOD = new PyType("staticmethod", OBJECT, true, t -> new PyStaticMethod(t, Py.None));
        CLASSMETHOD = new PyType("classmethod", OBJECT, true, t -> new PyClassMethod(t, Py.None));
        SUPER = new PyType("super", OBJECT, true, PySuper::new);

        Py.None.setType(NONE);
        Py.NotImplemented.setType(NOT_IMPLEMENTED);
        Py.Ellipsis.setType(ELLIPSIS);

        ObjectMethods.install();
        TypeMethods.install();
        FunctionMethods.install();
        IntMethods.install();
        FloatMethods.install();
        StrMethods.install();
        BytesMethods.install();
        FormatMethods.install();
        ListMethods.install();
        TupleMethods.install();
        DictMethods.install();
        SetMethods.install();
        RangeSliceMethods.install();
    }

    private PyTypes() {}

    /** A further built-in type (iterators, views, module-specific classes). */
    public static PyType newBuiltin(String name, PyType base, boolean subclassable, PyType.Allocator allocator) {
        return new PyType(name, base == null ? OBJECT : base, subclassable, allocator);
    }
}
