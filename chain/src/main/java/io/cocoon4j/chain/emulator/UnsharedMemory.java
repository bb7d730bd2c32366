package io.cocoon4j.chain.emulator;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.DataSegment;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import java.nio.charset.Charset;

/**
 * The emulator's linear memory: Chicory's {@link ByteArrayMemory} with the WASM atomic instructions
 * done as the plain accesses they are on an unshared memory.
 *
 * <p>Why: the emulator WASM uses atomic loads, stores and read-modify-writes (C++ {@code std::atomic})
 * although its memory is not shared. Chicory 1.7.5's {@code ByteArrayMemory} does them with
 * byte-array-view {@code VarHandle}s in volatile/atomic modes. From Java 22 on those views no longer
 * support any atomic access mode, so Chicory falls back to locking a per-address monitor that only
 * exists for shared memories: a {@code NullPointerException}, reported as "out of bounds memory
 * access" at an address well inside memory. The threads proposal defines atomics on an unshared
 * memory as the corresponding non-atomic accesses, and an emulator instance is used by one thread at
 * a time (see {@link TvmEmulator}), so plain accesses are exact here, on every JDK, and cheaper.
 *
 * <p>Everything else is {@code ByteArrayMemory}'s own code.
 */
final class UnsharedMemory implements Memory {

    private final ByteArrayMemory memory;

    /**
     * @throws IllegalArgumentException for a shared memory, whose atomics must stay atomic
     */
    UnsharedMemory(MemoryLimits limits) {
        if (limits.shared()) {
            throw new IllegalArgumentException("UnsharedMemory serves unshared memories only");
        }
        this.memory = new ByteArrayMemory(limits);
    }

    // --- atomics: plain accesses (one thread, unshared memory)

    @Override
    public void atomicFence() {
        // Nothing to order: no other thread sees this memory.
    }

    @Override
    public int atomicWait(int addr, int expected, long timeout) {
        return memory.atomicWait(addr, expected, timeout); // traps on an unshared memory, as the spec says
    }

    @Override
    public int atomicWait(int addr, long expected, long timeout) {
        return memory.atomicWait(addr, expected, timeout);
    }

    @Override
    public int atomicNotify(int addr, int maxThreads) {
        return memory.atomicNotify(addr, maxThreads); // 0 waiters on an unshared memory
    }

    @Override
    public int atomicReadInt(int addr) {
        return memory.readInt(addr);
    }

    @Override
    public long atomicReadLong(int addr) {
        return memory.readLong(addr);
    }

    @Override
    public short atomicReadShort(int addr) {
        return memory.readShort(addr);
    }

    @Override
    public byte atomicReadByte(int addr) {
        return memory.read(addr);
    }

    @Override
    public void atomicWriteInt(int addr, int value) {
        memory.writeI32(addr, value);
    }

    @Override
    public void atomicWriteLong(int addr, long value) {
        memory.writeLong(addr, value);
    }

    @Override
    public void atomicWriteShort(int addr, short value) {
        memory.writeShort(addr, value);
    }

    @Override
    public void atomicWriteByte(int addr, byte value) {
        memory.writeByte(addr, value);
    }

    @Override
    public int atomicAddInt(int addr, int delta) {
        int old = memory.readInt(addr);
        memory.writeI32(addr, old + delta);
        return old;
    }

    @Override
    public int atomicAndInt(int addr, int mask) {
        int old = memory.readInt(addr);
        memory.writeI32(addr, old & mask);
        return old;
    }

    @Override
    public int atomicOrInt(int addr, int mask) {
        int old = memory.readInt(addr);
        memory.writeI32(addr, old | mask);
        return old;
    }

    @Override
    public int atomicXorInt(int addr, int mask) {
        int old = memory.readInt(addr);
        memory.writeI32(addr, old ^ mask);
        return old;
    }

    @Override
    public int atomicXchgInt(int addr, int value) {
        int old = memory.readInt(addr);
        memory.writeI32(addr, value);
        return old;
    }

    @Override
    public int atomicCmpxchgInt(int addr, int expected, int replacement) {
        int old = memory.readInt(addr);
        if (old == expected) {
            memory.writeI32(addr, replacement);
        }
        return old;
    }

    @Override
    public long atomicAddLong(int addr, long delta) {
        long old = memory.readLong(addr);
        memory.writeLong(addr, old + delta);
        return old;
    }

    @Override
    public long atomicAndLong(int addr, long mask) {
        long old = memory.readLong(addr);
        memory.writeLong(addr, old & mask);
        return old;
    }

    @Override
    public long atomicOrLong(int addr, long mask) {
        long old = memory.readLong(addr);
        memory.writeLong(addr, old | mask);
        return old;
    }

    @Override
    public long atomicXorLong(int addr, long mask) {
        long old = memory.readLong(addr);
        memory.writeLong(addr, old ^ mask);
        return old;
    }

    @Override
    public long atomicXchgLong(int addr, long value) {
        long old = memory.readLong(addr);
        memory.writeLong(addr, value);
        return old;
    }

    @Override
    public long atomicCmpxchgLong(int addr, long expected, long replacement) {
        long old = memory.readLong(addr);
        if (old == expected) {
            memory.writeLong(addr, replacement);
        }
        return old;
    }

    @Override
    public short atomicAddShort(int addr, short delta) {
        short old = memory.readShort(addr);
        memory.writeShort(addr, (short) (old + delta));
        return old;
    }

    @Override
    public short atomicAndShort(int addr, short mask) {
        short old = memory.readShort(addr);
        memory.writeShort(addr, (short) (old & mask));
        return old;
    }

    @Override
    public short atomicOrShort(int addr, short mask) {
        short old = memory.readShort(addr);
        memory.writeShort(addr, (short) (old | mask));
        return old;
    }

    @Override
    public short atomicXorShort(int addr, short mask) {
        short old = memory.readShort(addr);
        memory.writeShort(addr, (short) (old ^ mask));
        return old;
    }

    @Override
    public short atomicXchgShort(int addr, short value) {
        short old = memory.readShort(addr);
        memory.writeShort(addr, value);
        return old;
    }

    @Override
    public short atomicCmpxchgShort(int addr, short expected, short replacement) {
        short old = memory.readShort(addr);
        if (old == expected) {
            memory.writeShort(addr, replacement);
        }
        return old;
    }

    @Override
    public byte atomicAddByte(int addr, byte delta) {
        byte old = memory.read(addr);
        memory.writeByte(addr, (byte) (old + delta));
        return old;
    }

    @Override
    public byte atomicAndByte(int addr, byte mask) {
        byte old = memory.read(addr);
        memory.writeByte(addr, (byte) (old & mask));
        return old;
    }

    @Override
    public byte atomicOrByte(int addr, byte mask) {
        byte old = memory.read(addr);
        memory.writeByte(addr, (byte) (old | mask));
        return old;
    }

    @Override
    public byte atomicXorByte(int addr, byte mask) {
        byte old = memory.read(addr);
        memory.writeByte(addr, (byte) (old ^ mask));
        return old;
    }

    @Override
    public byte atomicXchgByte(int addr, byte value) {
        byte old = memory.read(addr);
        memory.writeByte(addr, value);
        return old;
    }

    @Override
    public byte atomicCmpxchgByte(int addr, byte expected, byte replacement) {
        byte old = memory.read(addr);
        if (old == expected) {
            memory.writeByte(addr, replacement);
        }
        return old;
    }

    // --- everything else: ByteArrayMemory

    @Override
    public int pages() {
        return memory.pages();
    }

    @Override
    public int grow(int size) {
        return memory.grow(size);
    }

    @Override
    public int initialPages() {
        return memory.initialPages();
    }

    @Override
    public int maximumPages() {
        return memory.maximumPages();
    }

    @Override
    public boolean shared() {
        return false;
    }

    @Override
    @SuppressWarnings("removal")
    public Object lock(int address) {
        return memory.lock(address);
    }

    @Override
    @SuppressWarnings("removal")
    public int waitOn(int address, int expected, long timeout) {
        return memory.waitOn(address, expected, timeout);
    }

    @Override
    @SuppressWarnings("removal")
    public int waitOn(int address, long expected, long timeout) {
        return memory.waitOn(address, expected, timeout);
    }

    @Override
    @SuppressWarnings("removal")
    public int notify(int address, int maxThreads) {
        return memory.notify(address, maxThreads);
    }

    @Override
    public void initialize(Instance instance, DataSegment[] dataSegments) {
        memory.initialize(instance, dataSegments);
    }

    @Override
    public void initialize(Instance instance, DataSegment[] dataSegments, int memoryIndex) {
        memory.initialize(instance, dataSegments, memoryIndex);
    }

    @Override
    public void initPassiveSegment(int segmentId, int dest, int offset, int size) {
        memory.initPassiveSegment(segmentId, dest, offset, size);
    }

    @Override
    public String readCString(int addr, Charset charSet) {
        return memory.readCString(addr, charSet);
    }

    @Override
    public void write(int addr, byte[] data, int offset, int size) {
        memory.write(addr, data, offset, size);
    }

    @Override
    public byte read(int addr) {
        return memory.read(addr);
    }

    @Override
    public byte[] readBytes(int addr, int len) {
        return memory.readBytes(addr, len);
    }

    @Override
    public void writeI32(int addr, int data) {
        memory.writeI32(addr, data);
    }

    @Override
    public int readInt(int addr) {
        return memory.readInt(addr);
    }

    @Override
    public long readI32(int addr) {
        return memory.readI32(addr);
    }

    @Override
    public long readU32(int addr) {
        return memory.readU32(addr);
    }

    @Override
    public void writeLong(int addr, long data) {
        memory.writeLong(addr, data);
    }

    @Override
    public long readLong(int addr) {
        return memory.readLong(addr);
    }

    @Override
    public long readI64(int addr) {
        return memory.readI64(addr);
    }

    @Override
    public void writeShort(int addr, short data) {
        memory.writeShort(addr, data);
    }

    @Override
    public short readShort(int addr) {
        return memory.readShort(addr);
    }

    @Override
    public long readI16(int addr) {
        return memory.readI16(addr);
    }

    @Override
    public long readU16(int addr) {
        return memory.readU16(addr);
    }

    @Override
    public void writeByte(int addr, byte data) {
        memory.writeByte(addr, data);
    }

    @Override
    public long readU8(int addr) {
        return memory.readU8(addr);
    }

    @Override
    public long readI8(int addr) {
        return memory.readI8(addr);
    }

    @Override
    public void writeF32(int addr, float data) {
        memory.writeF32(addr, data);
    }

    @Override
    public long readF32(int addr) {
        return memory.readF32(addr);
    }

    @Override
    public float readFloat(int addr) {
        return memory.readFloat(addr);
    }

    @Override
    public void writeF64(int addr, double data) {
        memory.writeF64(addr, data);
    }

    @Override
    public double readDouble(int addr) {
        return memory.readDouble(addr);
    }

    @Override
    public long readF64(int addr) {
        return memory.readF64(addr);
    }

    @Override
    public void zero() {
        memory.zero();
    }

    @Override
    public void fill(byte value, int fromIndex, int toIndex) {
        memory.fill(value, fromIndex, toIndex);
    }

    @Override
    public void copy(int dest, int src, int size) {
        memory.copy(dest, src, size);
    }

    @Override
    public void drop(int segment) {
        memory.drop(segment);
    }
}
