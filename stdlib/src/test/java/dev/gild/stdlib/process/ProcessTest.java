package dev.gild.stdlib.process;

import static dev.gild.stdlib.io.PythonRunner.repr;
import static dev.gild.stdlib.io.PythonRunner.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gild.runtime.PyDict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** subprocess against real child processes. */
class ProcessTest {
    @TempDir Path dir;

    @Test
    void runCapturesOutputInputAndExitStatus() {
        PyDict g = run(dir, """
                import subprocess
                r = subprocess.run(["sh", "-c", "cat; echo err >&2; exit 3"], input="in\\r\\n", capture_output=True, text=True)
                result = (r.returncode, r.stdout, r.stderr)
                shown = repr(subprocess.run(["true"]))
                try:
                    subprocess.check_output(["sh", "-c", "echo partial; exit 1"])
                except subprocess.CalledProcessError as e:
                    failed = (str(e), e.output)
                try:
                    subprocess.run(["sleep", "5"], timeout=0.2)
                except subprocess.TimeoutExpired as e:
                    timed_out = str(e)
                try:
                    subprocess.run(["no-such-program-gild"])
                except FileNotFoundError as e:
                    missing = str(e)
                """);
        assertEquals("(3, 'in\\n', 'err\\n')", repr(g, "result"));
        assertEquals("\"CompletedProcess(args=['true'], returncode=0)\"", repr(g, "shown"));
        assertEquals("(\"Command '['sh', '-c', 'echo partial; exit 1']' returned non-zero exit status 1.\", b'partial\\n')",
                repr(g, "failed"));
        assertEquals("\"Command '['sleep', '5']' timed out after 0.2 seconds\"", repr(g, "timed_out"));
        assertEquals("\"[Errno 2] No such file or directory: 'no-such-program-gild'\"", repr(g, "missing"));
    }

    @Test
    void popenPipesCwdAndKill() {
        PyDict g = run(dir, """
                import subprocess, os
                os.mkdir("d")
                p = subprocess.Popen(["pwd"], stdout=subprocess.PIPE, cwd="d", text=True)
                cwd = os.path.basename(p.stdout.read().strip())
                p.wait()
                p = subprocess.Popen(["sleep", "10"])
                running = p.poll()
                p.kill()
                killed = p.wait()
                p = subprocess.Popen(["sh", "-c", "echo a; echo b"], stdout=subprocess.PIPE)
                lines = list(p.stdout)
                p.wait()
                """);
        assertEquals("'d'", repr(g, "cwd"));
        assertEquals("None", repr(g, "running"));
        assertEquals("-9", repr(g, "killed"));
        assertEquals("[b'a\\n', b'b\\n']", repr(g, "lines"));
    }
}
