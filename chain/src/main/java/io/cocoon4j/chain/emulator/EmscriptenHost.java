package io.cocoon4j.chain.emulator;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.GlobalInstance;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.TableInstance;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.ValType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The host side of the emscripten runtime for one emulator WASM instance: what the sandbox's JS glue
 * provides in Node, written for Chicory. It covers the {@code invoke_*} trampolines and C++ exception
 * bookkeeping (emscripten's JS exception mode), heap growth, clocks, randomness, stdout/stderr and
 * stubs for the file-system syscalls the emulator never needs.
 *
 * <p>Not thread-safe: one host per instance, used by one thread at a time.
 */
final class EmscriptenHost {

    private static final System.Logger LOG = System.getLogger(EmscriptenHost.class.getName());

    // emscripten's errno values (musl numbering) and WASI's, as the glue returns them.
    private static final int ENOENT = 44;
    private static final int EBADF = 8;
    private static final int ENOTTY = 59;
    private static final int WASI_EBADF = 8;
    private static final int WASI_EINVAL = 28;
    private static final long HEAP_MAX = 2L * 1024 * 1024 * 1024;
    private static final int PAGE = 65536;

    // Offsets in emscripten's exception info record, which sits 24 bytes before the thrown object.
    private static final int INFO_SIZE = 24;
    private static final int INFO_TYPE = 4;
    private static final int INFO_DESTRUCTOR = 8;
    private static final int INFO_CAUGHT = 12;
    private static final int INFO_RETHROWN = 13;
    private static final int INFO_ADJUSTED_PTR = 16;

    private final EmscriptenGlue glue;
    private final SecureRandom random = new SecureRandom();
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    // C++ exception state, as the glue keeps it in JS variables.
    private final Deque<Integer> caught = new ArrayDeque<>();
    private int exceptionLast;
    private int uncaughtCount;

    // Bound after instantiation.
    private Instance instance;
    private Memory memory;
    private TableInstance table;
    private ExportFunction setThrew;
    private ExportFunction tempRetSet;
    private ExportFunction stackRestore;
    private ExportFunction stackGetCurrent;
    private ExportFunction cxaCanCatch;
    private ExportFunction cxaGetExceptionPtr;
    private ExportFunction cxaIncrementRefcount;
    private ExportFunction cxaDecrementRefcount;
    /** The WASM global holding the C stack pointer, read directly on the hot invoke_* path. */
    private GlobalInstance stackPointerGlobal;

    EmscriptenHost(EmscriptenGlue glue) {
        this.glue = glue;
    }

    /** One host function per function import of {@code module}, typed as the module declares it. */
    ImportValues imports(WasmModule module) {
        List<HostFunction> functions = new ArrayList<>();
        for (int i = 0; i < module.importSection().importCount(); i++) {
            Import imp = module.importSection().getImport(i);
            if (!(imp instanceof FunctionImport fn)) {
                throw new IllegalStateException("unexpected non-function import " + imp);
            }
            FunctionType type = module.typeSection().getType(fn.typeIndex());
            String role = glue.importRole(imp.name());
            functions.add(new HostFunction(imp.module(), imp.name(), type, handler(role, type)));
        }
        return ImportValues.builder().withFunctions(new ArrayList<>(functions)).build();
    }

    /** Resolves the exports the host calls back into; call once, right after instantiation. */
    void bind(Instance instance) {
        this.instance = instance;
        this.memory = instance.memory();
        this.table = instance.table(0);
        this.setThrew = export("_setThrew");
        this.tempRetSet = export("__emscripten_tempret_set");
        this.stackRestore = export("__emscripten_stack_restore");
        this.stackGetCurrent = export("_emscripten_stack_get_current");
        this.cxaCanCatch = export("___cxa_can_catch");
        this.cxaGetExceptionPtr = export("___cxa_get_exception_ptr");
        this.cxaIncrementRefcount = export("___cxa_increment_exception_refcount");
        this.cxaDecrementRefcount = export("___cxa_decrement_exception_refcount");
        this.stackPointerGlobal = findStackPointerGlobal(export("__emscripten_stack_alloc"));
    }

    /**
     * Finds the global the glue's stackSave() reads: the one that moves down by exactly the size of a
     * stack allocation. Falls back to calling the export when no single global qualifies.
     */
    private GlobalInstance findStackPointerGlobal(ExportFunction stackAlloc) {
        int before = (int) stackGetCurrent.apply()[0];
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < instance.globalCount(); i++) {
            GlobalInstance g = instance.global(i);
            if (ValType.I32.equals(g.getType()) && (int) g.getValue() == before) {
                candidates.add(i);
            }
        }
        stackAlloc.apply(64);
        int after = (int) stackGetCurrent.apply()[0];
        GlobalInstance found = null;
        for (int i : candidates) {
            if ((int) instance.global(i).getValue() == after && after != before) {
                found = found == null ? instance.global(i) : null;
            }
        }
        stackRestore.apply(before);
        return found;
    }

    private ExportFunction export(String role) {
        return instance.export(glue.export(role));
    }

    int stackPointer() {
        return stackPointerGlobal != null ? (int) stackPointerGlobal.getValue() : (int) stackGetCurrent.apply()[0];
    }

    /** Puts the runtime back in a clean state after a call that did not return normally. */
    void recover(int stackPointer) {
        stackRestore.apply(stackPointer);
        setThrew.apply(0, 0);
        caught.clear();
        exceptionLast = 0;
        uncaughtCount = 0;
    }

    /** What the emulator printed to stderr since the last call, for error messages. */
    String drainStderr() {
        String text = stderr.toString(StandardCharsets.UTF_8);
        stderr.reset();
        return text;
    }

    private WasmFunctionHandle handler(String role, FunctionType type) {
        if (role.startsWith("invoke_")) {
            return (inst, args) -> invoke(type, args);
        }
        switch (role) {
            case "___cxa_throw":
                return (inst, args) -> cxaThrow((int) args[0], (int) args[1], (int) args[2]);
            case "___cxa_rethrow":
                return (inst, args) -> cxaRethrow();
            case "___resumeException":
                return (inst, args) -> resumeException((int) args[0]);
            case "___cxa_begin_catch":
                return (inst, args) -> i32(cxaBeginCatch((int) args[0]));
            case "___cxa_end_catch":
                return (inst, args) -> cxaEndCatch();
            case "___cxa_uncaught_exceptions":
                return (inst, args) -> i32(uncaughtCount);
            case "___cxa_find_matching_catch_2":
            case "___cxa_find_matching_catch_3":
            case "___cxa_find_matching_catch_4":
            case "___cxa_find_matching_catch_6":
                return (inst, args) -> i32(findMatchingCatch(args));
            case "_llvm_eh_typeid_for":
                return (inst, args) -> i32((int) args[0]);
            case "___syscall_openat":
            case "___syscall_stat64":
            case "___syscall_lstat64":
            case "___syscall_newfstatat":
                return (inst, args) -> i32(-ENOENT);
            case "___syscall_fstat64":
            case "___syscall_fcntl64":
            case "___syscall_getdents64":
                return (inst, args) -> i32(-EBADF);
            case "___syscall_ioctl":
                return (inst, args) -> i32(-ENOTTY);
            case "_fd_write":
                return (inst, args) -> i32(fdWrite((int) args[0], (int) args[1], (int) args[2], (int) args[3]));
            case "_fd_read":
            case "_fd_seek":
                return (inst, args) -> i32(WASI_EBADF);
            case "_fd_close":
            case "__munmap_js":
                return (inst, args) -> i32(0);
            case "_environ_sizes_get":
                return (inst, args) -> environSizes((int) args[0], (int) args[1]);
            case "_environ_get":
                return (inst, args) -> i32(0);
            case "_clock_time_get":
                return (inst, args) -> i32(clockTimeGet((int) args[0], (int) args[2]));
            case "_emscripten_date_now":
                return (inst, args) -> new long[] {Double.doubleToRawLongBits(System.currentTimeMillis())};
            case "__tzset_js":
                return (inst, args) -> tzset((int) args[0], (int) args[1], (int) args[2], (int) args[3]);
            case "__gmtime_js":
            case "__localtime_js":
                return (inst, args) -> utcTime(args[0], (int) args[1]);
            case "_emscripten_get_heap_max":
                return (inst, args) -> new long[] {HEAP_MAX};
            case "_emscripten_resize_heap":
                return (inst, args) -> i32(resizeHeap(Integer.toUnsignedLong((int) args[0])) ? 1 : 0);
            case "_random_get":
                return (inst, args) -> i32(randomGet((int) args[0], (int) args[1]));
            case "_emscripten_asm_const_int":
                return (inst, args) -> i32(asmConst((int) args[0], (int) args[1], (int) args[2]));
            case "__abort_js":
                return (inst, args) -> {
                    throw new WasmAbort("the emulator aborted" + stderrSuffix());
                };
            case "__emscripten_log_formatted":
                return (inst, args) -> {
                    LOG.log(System.Logger.Level.DEBUG, () -> memory.readCString((int) args[1]));
                    return null;
                };
            default:
                throw new IllegalStateException("no host implementation for the emulator's import " + role);
        }
    }

    private static long[] i32(int value) {
        return new long[] {value};
    }

    // --- invoke_* trampolines: call a table entry, turning a C++ throw into setThrew(1, 0).

    private long[] invoke(FunctionType type, long[] args) {
        int sp = stackPointer();
        try {
            int function = table.requiredRef((int) args[0]);
            long[] rest = new long[args.length - 1];
            System.arraycopy(args, 1, rest, 0, rest.length);
            return instance.getMachine().call(function, rest);
        } catch (CppThrow e) {
            stackRestore.apply(sp);
            setThrew.apply(1, 0);
            return type.returns().isEmpty() ? null : new long[type.returns().size()];
        }
    }

    // --- C++ exceptions, mirroring the glue's ExceptionInfo bookkeeping.

    private long[] cxaThrow(int ptr, int type, int destructor) {
        int info = ptr - INFO_SIZE;
        memory.writeI32(info + INFO_ADJUSTED_PTR, 0);
        memory.writeI32(info + INFO_TYPE, type);
        memory.writeI32(info + INFO_DESTRUCTOR, destructor);
        exceptionLast = ptr;
        uncaughtCount++;
        throw new CppThrow(ptr);
    }

    private long[] cxaRethrow() {
        Integer ptr = caught.pollLast();
        if (ptr == null) {
            throw new WasmAbort("the emulator rethrew with no C++ exception being handled");
        }
        int info = ptr - INFO_SIZE;
        if (memory.read(info + INFO_RETHROWN) == 0) {
            caught.addLast(ptr);
            memory.writeByte(info + INFO_RETHROWN, (byte) 1);
            memory.writeByte(info + INFO_CAUGHT, (byte) 0);
            uncaughtCount++;
        }
        exceptionLast = ptr;
        throw new CppThrow(ptr);
    }

    private long[] resumeException(int ptr) {
        if (exceptionLast == 0) {
            exceptionLast = ptr;
        }
        throw new CppThrow(exceptionLast);
    }

    private int cxaBeginCatch(int ptr) {
        int info = ptr - INFO_SIZE;
        if (memory.read(info + INFO_CAUGHT) == 0) {
            memory.writeByte(info + INFO_CAUGHT, (byte) 1);
            uncaughtCount--;
        }
        memory.writeByte(info + INFO_RETHROWN, (byte) 0);
        caught.addLast(ptr);
        cxaIncrementRefcount.apply(ptr);
        return (int) cxaGetExceptionPtr.apply(ptr)[0];
    }

    private long[] cxaEndCatch() {
        setThrew.apply(0, 0);
        Integer ptr = caught.pollLast();
        if (ptr != null) {
            cxaDecrementRefcount.apply(ptr);
        }
        exceptionLast = 0;
        return null;
    }

    /** Which of the catch clauses' types (args) matches the exception in flight; 0 for catch-all. */
    private int findMatchingCatch(long[] caughtTypes) {
        int thrown = exceptionLast;
        if (thrown == 0) {
            tempRetSet.apply(0);
            return 0;
        }
        int info = thrown - INFO_SIZE;
        memory.writeI32(info + INFO_ADJUSTED_PTR, thrown);
        int thrownType = memory.readInt(info + INFO_TYPE);
        if (thrownType == 0) {
            tempRetSet.apply(0);
            return thrown;
        }
        for (long candidate : caughtTypes) {
            int caughtType = (int) candidate;
            if (caughtType == 0 || caughtType == thrownType) {
                break;
            }
            if (cxaCanCatch.apply(caughtType, thrownType, info + INFO_ADJUSTED_PTR)[0] != 0) {
                tempRetSet.apply(caughtType);
                return thrown;
            }
        }
        tempRetSet.apply(thrownType);
        return thrown;
    }

    // --- I/O, time, memory, randomness.

    private int fdWrite(int fd, int iov, int iovcnt, int pnum) {
        ByteArrayOutputStream target = fd == 1 ? stdout : fd == 2 ? stderr : null;
        if (target == null) {
            return WASI_EBADF;
        }
        int total = 0;
        for (int i = 0; i < iovcnt; i++) {
            int ptr = memory.readInt(iov + i * 8);
            int len = memory.readInt(iov + i * 8 + 4);
            target.write(memory.readBytes(ptr, len), 0, len);
            total += len;
        }
        memory.writeI32(pnum, total);
        flushLines(target, fd == 1 ? "stdout" : "stderr");
        return 0;
    }

    /** Sends complete lines to the logger; stderr keeps a bounded tail for error messages. */
    private void flushLines(ByteArrayOutputStream target, String name) {
        if (target == stdout) {
            String text = stdout.toString(StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n');
            if (end >= 0) {
                String lines = text.substring(0, end);
                LOG.log(System.Logger.Level.DEBUG, () -> "emulator " + name + ": " + lines);
                stdout.reset();
                byte[] rest = text.substring(end + 1).getBytes(StandardCharsets.UTF_8);
                stdout.write(rest, 0, rest.length);
            }
        } else if (stderr.size() > 64 * 1024) {
            String tail = stderr.toString(StandardCharsets.UTF_8);
            stderr.reset();
            byte[] keep = tail.substring(tail.length() - 16 * 1024).getBytes(StandardCharsets.UTF_8);
            stderr.write(keep, 0, keep.length);
        }
    }

    private String stderrSuffix() {
        String text = drainStderr().strip();
        return text.isEmpty() ? "" : ": " + text;
    }

    private long[] environSizes(int countPtr, int bufSizePtr) {
        memory.writeI32(countPtr, 0);
        memory.writeI32(bufSizePtr, 0);
        return i32(0);
    }

    private int clockTimeGet(int clockId, int timePtr) {
        long nanos;
        if (clockId == 0) {
            Instant now = Instant.now();
            nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        } else if (clockId >= 1 && clockId <= 3) {
            nanos = System.nanoTime();
        } else {
            return WASI_EINVAL;
        }
        memory.writeLong(timePtr, nanos);
        return 0;
    }

    /** The host runs the emulator in UTC: no daylight saving, zone names "UTC". */
    private long[] tzset(int timezonePtr, int daylightPtr, int stdNamePtr, int dstNamePtr) {
        memory.writeI32(timezonePtr, 0);
        memory.writeI32(daylightPtr, 0);
        memory.writeCString(stdNamePtr, "UTC");
        memory.writeCString(dstNamePtr, "UTC");
        return null;
    }

    /** Fills a C {@code struct tm} for a time in seconds, in UTC. */
    private long[] utcTime(long epochSeconds, int tm) {
        ZonedDateTime t = Instant.ofEpochSecond(epochSeconds).atZone(ZoneOffset.UTC);
        memory.writeI32(tm, t.getSecond());
        memory.writeI32(tm + 4, t.getMinute());
        memory.writeI32(tm + 8, t.getHour());
        memory.writeI32(tm + 12, t.getDayOfMonth());
        memory.writeI32(tm + 16, t.getMonthValue() - 1);
        memory.writeI32(tm + 20, t.getYear() - 1900);
        memory.writeI32(tm + 24, t.getDayOfWeek().getValue() % 7);
        memory.writeI32(tm + 28, t.getDayOfYear() - 1);
        memory.writeI32(tm + 32, 0);
        memory.writeI32(tm + 36, 0);
        return null;
    }

    /** Grows linear memory like the glue: some headroom, capped, in whole pages. */
    private boolean resizeHeap(long requested) {
        long oldSize = (long) memory.pages() * PAGE;
        if (requested > HEAP_MAX) {
            return false;
        }
        for (int cutDown = 1; cutDown <= 4; cutDown *= 2) {
            long overGrown = (long) (oldSize * (1 + 0.2 / cutDown));
            overGrown = Math.min(overGrown, requested + 100_663_296L);
            long newSize = Math.min(HEAP_MAX, alignUp(Math.max(requested, overGrown), PAGE));
            int pages = (int) ((newSize - oldSize + PAGE - 1) / PAGE);
            if (memory.grow(pages) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static long alignUp(long value, long alignment) {
        return (value + alignment - 1) / alignment * alignment;
    }

    private int randomGet(int buffer, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        memory.write(buffer, bytes, 0, size);
        return 0;
    }

    private int asmConst(int address, int sigPtr, int argBuf) {
        switch (glue.asmSnippet(address)) {
            case RANDOM_INIT:
                return 0;
            case RANDOM_VALUE:
                return random.nextInt();
            case THROW_STRING:
                // One pointer argument: the message.
                throw new WasmAbort(memory.readCString(memory.readInt(argBuf)));
            default:
                throw new IllegalStateException("unreachable");
        }
    }
}
