"""subprocess: run child processes (run, Popen, check_output, ...) with CPython's API.

The native _subprocess module starts children with the JVM's ProcessBuilder; waiting and pipe
I/O release the interpreter lock. Relative paths and the default cwd follow os.getcwd().
"""
import os
import sys
import _subprocess

__all__ = ["Popen", "PIPE", "STDOUT", "DEVNULL", "call", "check_call", "check_output", "run",
           "CalledProcessError", "TimeoutExpired", "SubprocessError", "CompletedProcess",
           "getoutput", "getstatusoutput"]

PIPE = -1
STDOUT = -2
DEVNULL = -3

_SIGNAL_NAMES = {1: "SIGHUP", 2: "SIGINT", 3: "SIGQUIT", 6: "SIGABRT", 9: "SIGKILL", 11: "SIGSEGV",
                 13: "SIGPIPE", 14: "SIGALRM", 15: "SIGTERM"}


class SubprocessError(Exception):
    pass


class CalledProcessError(SubprocessError):
    """Raised when a process run with check=True returns a non-zero exit status."""

    def __init__(self, returncode, cmd, output=None, stderr=None):
        self.returncode = returncode
        self.cmd = cmd
        self.output = output
        self.stderr = stderr

    def __str__(self):
        if self.returncode and self.returncode < 0:
            name = _SIGNAL_NAMES.get(-self.returncode)
            if name is None:
                return "Command '%s' died with unknown signal %d." % (self.cmd, -self.returncode)
            return "Command '%s' died with <Signals.%s: %d>." % (self.cmd, name, -self.returncode)
        return "Command '%s' returned non-zero exit status %d." % (self.cmd, self.returncode)

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class TimeoutExpired(SubprocessError):
    """Raised when the timeout expires while waiting for a child process."""

    def __init__(self, cmd, timeout, output=None, stderr=None):
        self.cmd = cmd
        self.timeout = timeout
        self.output = output
        self.stderr = stderr

    def __str__(self):
        return "Command '%s' timed out after %s seconds" % (self.cmd, self.timeout)

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class CompletedProcess:
    def __init__(self, args, returncode, stdout=None, stderr=None):
        self.args = args
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self):
        args = ["args={!r}".format(self.args), "returncode={!r}".format(self.returncode)]
        if self.stdout is not None:
            args.append("stdout={!r}".format(self.stdout))
        if self.stderr is not None:
            args.append("stderr={!r}".format(self.stderr))
        return "{}({})".format(type(self).__name__, ", ".join(args))

    def check_returncode(self):
        if self.returncode:
            raise CalledProcessError(self.returncode, self.args, self.stdout, self.stderr)


def _translate_newlines(text):
    return text.replace("\r\n", "\n").replace("\r", "\n")


class _PipeReader:
    """A child's stdout or stderr as a file object (bytes, or text when text mode is on)."""

    def __init__(self, child, which, encoding, errors):
        self._child = child
        self._which = which
        self._encoding = encoding
        self._errors = errors
        self.closed = False

    def _out(self, data):
        if self._encoding is None:
            return data
        return _translate_newlines(data.decode(self._encoding, self._errors))

    def read(self, size=-1):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        return self._out(self._child.read(self._which, -1 if size is None else size))

    def readline(self, size=-1):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        return self._out(self._child.readline(self._which))

    def readlines(self):
        return list(self)

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def fileno(self):
        raise OSError(9, "Bad file descriptor")

    def readable(self):
        return True

    def writable(self):
        return False

    def close(self):
        if not self.closed:
            self.closed = True
            self._child.close_stream(self._which)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class _PipeWriter:
    """A child's stdin as a file object."""

    def __init__(self, child, encoding, errors):
        self._child = child
        self._encoding = encoding
        self._errors = errors
        self.closed = False

    def write(self, data):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        if self._encoding is not None:
            return self._child.write(data.encode(self._encoding, self._errors)) and len(data)
        return self._child.write(bytes(data))

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        pass

    def readable(self):
        return False

    def writable(self):
        return True

    def close(self):
        if not self.closed:
            self.closed = True
            self._child.close_stream(0)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _mode(value, name):
    if value is None:
        return 0
    if value == PIPE:
        return 1
    if value == DEVNULL:
        return 2
    if value == STDOUT:
        if name != "stderr":
            raise ValueError("STDOUT can only be used for stderr")
        return 3
    path = getattr(value, "name", None)
    if isinstance(path, str) and hasattr(value, "fileno") and os.path.isfile(path):
        # an open file: the child reads it from its start or appends to it (after our buffered writes)
        if hasattr(value, "flush") and name != "stdin":
            value.flush()
        return path
    raise ValueError("%s=%r is not supported: use None, PIPE, DEVNULL, STDOUT or a file opened "
                     "by name" % (name, value))


class Popen:
    """A child process."""

    def __init__(self, args, bufsize=-1, executable=None, stdin=None, stdout=None, stderr=None,
                 preexec_fn=None, close_fds=True, shell=False, cwd=None, env=None,
                 universal_newlines=None, startupinfo=None, creationflags=0, restore_signals=True,
                 start_new_session=False, pass_fds=(), *, user=None, group=None, extra_groups=None,
                 encoding=None, errors=None, text=None, umask=-1, pipesize=-1, process_group=None):
        self.args = args
        self.returncode = None
        self._text = bool(text or universal_newlines or encoding or errors)
        self._encoding = (encoding or "utf-8") if self._text else None
        self._errors = errors or "strict"
        if isinstance(args, (str, bytes, os.PathLike)):
            argv = [os.fsdecode(args)] if not shell else ["/bin/sh", "-c", os.fsdecode(args)]
        else:
            argv = [os.fsdecode(a) for a in args]
            if shell:
                argv = ["/bin/sh", "-c"] + argv
        if executable is not None:
            argv[0] = os.fsdecode(executable)
        if env is None:
            env = os._child_environ()
        else:
            env = dict(env)
        self._pipes = (stdin == PIPE, stdout == PIPE, stderr == PIPE)
        self._child = _subprocess.spawn(argv, cwd, env, _mode(stdin, "stdin"), _mode(stdout, "stdout"),
                                        _mode(stderr, "stderr"))
        self.pid = self._child.pid
        self.stdin = _PipeWriter(self._child, self._encoding, self._errors) if stdin == PIPE else None
        self.stdout = _PipeReader(self._child, 1, self._encoding, self._errors) if stdout == PIPE else None
        self.stderr = _PipeReader(self._child, 2, self._encoding, self._errors) if stderr == PIPE else None
        self._communicated = False

    def __repr__(self):
        return "<%s: returncode: %s args: %r>" % (self.__class__.__name__, self.returncode, self.args)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, value, traceback):
        for stream in (self.stdout, self.stderr, self.stdin):
            if stream is not None:
                try:
                    stream.close()
                except OSError:
                    pass
        self.wait()

    def poll(self):
        if self.returncode is None:
            self.returncode = self._child.poll()
        return self.returncode

    def wait(self, timeout=None):
        if self.returncode is not None:
            return self.returncode
        code = self._child.wait(timeout)
        if code is None:
            raise TimeoutExpired(self.args, timeout)
        self.returncode = code
        return code

    def _decode(self, data):
        if data is None or self._encoding is None:
            return data
        return _translate_newlines(data.decode(self._encoding, self._errors))

    def communicate(self, input=None, timeout=None):
        if self._communicated and input:
            raise ValueError("Cannot send input after starting communication")
        if input is not None and self.stdin is None:
            input = None
        if input is not None and self._encoding is not None:
            input = input.encode(self._encoding, self._errors)
        elif input is None and self.stdin is not None and not self._communicated:
            input = b""
        if self.stdin is not None:
            self.stdin.closed = True
        self._communicated = True
        result = self._child.communicate(input, self._pipes[1], self._pipes[2], timeout)
        if result is None:
            out, err = self._child.partial_output()
            raise TimeoutExpired(self.args, timeout, self._decode(out), self._decode(err))
        self.returncode = self._child.poll()
        out, err = result
        return self._decode(out), self._decode(err)

    def send_signal(self, sig):
        if self.returncode is None:
            self._child.signal(sig)

    def terminate(self):
        self.send_signal(15)

    def kill(self):
        self.send_signal(9)


def run(*popenargs, input=None, capture_output=False, timeout=None, check=False, **kwargs):
    if input is not None:
        if kwargs.get("stdin") is not None:
            raise ValueError("stdin and input arguments may not both be used.")
        kwargs["stdin"] = PIPE
    if capture_output:
        if kwargs.get("stdout") is not None or kwargs.get("stderr") is not None:
            raise ValueError("stdout and stderr arguments may not be used with capture_output.")
        kwargs["stdout"] = PIPE
        kwargs["stderr"] = PIPE
    with Popen(*popenargs, **kwargs) as process:
        try:
            stdout, stderr = process.communicate(input, timeout=timeout)
        except TimeoutExpired as exc:
            process.kill()
            process.wait()
            raise
        except BaseException:
            process.kill()
            raise
        retcode = process.poll()
        if check and retcode:
            raise CalledProcessError(retcode, process.args, output=stdout, stderr=stderr)
    return CompletedProcess(process.args, retcode, stdout, stderr)


def call(*popenargs, timeout=None, **kwargs):
    with Popen(*popenargs, **kwargs) as p:
        try:
            return p.wait(timeout=timeout)
        except BaseException:
            p.kill()
            raise


def check_call(*popenargs, **kwargs):
    retcode = call(*popenargs, **kwargs)
    if retcode:
        cmd = kwargs.get("args")
        if cmd is None:
            cmd = popenargs[0]
        raise CalledProcessError(retcode, cmd)
    return 0


def check_output(*popenargs, timeout=None, **kwargs):
    if "stdout" in kwargs:
        raise ValueError("stdout argument not allowed, it will be overridden.")
    if "input" in kwargs and kwargs["input"] is None:
        kwargs["input"] = "" if kwargs.get("universal_newlines") or kwargs.get("text") else b""
    return run(*popenargs, stdout=PIPE, timeout=timeout, check=True, **kwargs).stdout


def getstatusoutput(cmd, *, encoding=None, errors=None):
    try:
        data = check_output(cmd, shell=True, text=True, stderr=STDOUT, encoding=encoding, errors=errors)
        exitcode = 0
    except CalledProcessError as ex:
        data = ex.output
        exitcode = ex.returncode
    if data[-1:] == "\n":
        data = data[:-1]
    return exitcode, data


def getoutput(cmd, *, encoding=None, errors=None):
    return getstatusoutput(cmd, encoding=encoding, errors=errors)[1]
