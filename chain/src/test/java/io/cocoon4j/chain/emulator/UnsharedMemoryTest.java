package io.cocoon4j.chain.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import org.junit.jupiter.api.Test;

/**
 * The emulator's memory does WASM atomics as plain accesses. On Java 22 and later Chicory's own
 * ByteArrayMemory threw "out of bounds memory access" for an atomic load of an unshared memory at an
 * address inside it (the emulator's first transaction failed that way on Java 25).
 */
class UnsharedMemoryTest {

    /** The address of the spurious trap seen on Java 25, in a memory of 291 pages (19,070,976 bytes). */
    private static final int ADDRESS = 2_139_552;

    private final UnsharedMemory memory = new UnsharedMemory(new MemoryLimits(291, 32_768));

    @Test
    void atomicLoadsAndStoresSeeThePlainAccessesInsideMemory() {
        memory.writeLong(ADDRESS, 0x0102030405060708L);
        assertThat(memory.atomicReadLong(ADDRESS)).isEqualTo(0x0102030405060708L);
        assertThat(memory.atomicReadInt(ADDRESS)).isEqualTo(0x05060708);
        assertThat(memory.atomicReadShort(ADDRESS)).isEqualTo((short) 0x0708);
        assertThat(memory.atomicReadByte(ADDRESS + 7)).isEqualTo((byte) 0x01);

        memory.atomicWriteLong(ADDRESS + 8, -2L);
        memory.atomicWriteInt(ADDRESS + 16, 77);
        memory.atomicWriteShort(ADDRESS + 20, (short) -3);
        memory.atomicWriteByte(ADDRESS + 22, (byte) 9);
        assertThat(memory.readLong(ADDRESS + 8)).isEqualTo(-2L);
        assertThat(memory.readInt(ADDRESS + 16)).isEqualTo(77);
        assertThat(memory.readShort(ADDRESS + 20)).isEqualTo((short) -3);
        assertThat(memory.read(ADDRESS + 22)).isEqualTo((byte) 9);
    }

    @Test
    void readModifyWritesReturnTheOldValueAndStoreTheNewOne() {
        memory.writeLong(ADDRESS, 40);
        assertThat(memory.atomicAddLong(ADDRESS, 2)).isEqualTo(40);
        assertThat(memory.atomicCmpxchgLong(ADDRESS, 41, 0)).isEqualTo(42); // no match: unchanged
        assertThat(memory.atomicCmpxchgLong(ADDRESS, 42, 7)).isEqualTo(42);
        assertThat(memory.atomicXchgLong(ADDRESS, 0xF0)).isEqualTo(7);
        assertThat(memory.atomicAndLong(ADDRESS, 0x30)).isEqualTo(0xF0);
        assertThat(memory.atomicOrLong(ADDRESS, 0x01)).isEqualTo(0x30);
        assertThat(memory.atomicXorLong(ADDRESS, 0xFF)).isEqualTo(0x31);
        assertThat(memory.readLong(ADDRESS)).isEqualTo(0xCE);

        memory.writeI32(ADDRESS, -1);
        assertThat(memory.atomicAddInt(ADDRESS, 1)).isEqualTo(-1);
        assertThat(memory.atomicCmpxchgInt(ADDRESS, 0, 5)).isEqualTo(0);
        assertThat(memory.atomicAddShort(ADDRESS, (short) 1)).isEqualTo((short) 5);
        assertThat(memory.atomicXchgByte(ADDRESS, (byte) -1)).isEqualTo((byte) 6);
        assertThat(memory.readInt(ADDRESS)).isEqualTo(0xFF);
    }

    @Test
    void anAtomicAccessPastTheEndStillTraps() {
        int end = 291 * 65_536;
        assertThatThrownBy(() -> memory.atomicReadLong(end - 4)).isInstanceOf(WasmRuntimeException.class)
                .hasMessageContaining("out of bounds");
        assertThatThrownBy(() -> memory.atomicAddInt(end, 1)).isInstanceOf(WasmRuntimeException.class);
    }

    @Test
    void refusesASharedMemory() {
        assertThatThrownBy(() -> new UnsharedMemory(new MemoryLimits(1, 2, true)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
