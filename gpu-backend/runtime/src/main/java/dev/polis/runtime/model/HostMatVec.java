package dev.polis.runtime.model;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Multiplies a float32 matrix held on the Java heap by one vector, its rows shared between the calling thread and
 * helper threads: what a decode step's linear maps need. Such a product reads every weight once and does two flops per
 * four bytes, so its speed is the memory bandwidth the threads reach together; PyTorch's product of one row reached
 * about half the rate of a plain sum over the same bytes on the two-core machine of docs/benchmarks.md (issue 23).
 *
 * <p>Rows go out in small blocks that whoever is free claims, the caller included, so a helper that the operating
 * system has not scheduled (a busy machine) delays a product by at most the one block it holds, never by its share.
 *
 * <p>Needs Java's incubating Vector API ({@code --add-modules jdk.incubator.vector}, which the {@code polis} launcher
 * passes); without it {@link #available()} is false and callers keep PyTorch's product.
 */
final class HostMatVec {

    /** Below this many weights a product runs on the calling thread alone: handing work over costs more. */
    static final int SPLIT_WEIGHTS = 1 << 16;
    /** How long a helper spins for the next product before it parks: longer than the gaps inside a decode step. */
    private static final long SPIN_NANOS = 200_000;
    /**
     * About this many weights per claimed block (512 KiB of float32). Each thread streams a block from start to end;
     * at 32 KiB blocks the two threads' reads interleaved so finely that a token's products (the SmolLM2-135M shape,
     * 538 MB) took 15.3-16.0 ms against 11.0-11.9 ms at 512 KiB, on two quiet cores with huge pages (issue 23).
     */
    private static final int BLOCK_WEIGHTS = 1 << 17;

    private static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    /** The JVM's helper threads, shared by every multiplier; products take turns (they share the memory bus anyway). */
    private static final Helper[] HELPERS = new Helper[Math.max(0, Runtime.getRuntime().availableProcessors() - 1)];
    private static final Object TURN = new Object();
    private static boolean warming;

    private final int threads;

    /** A multiplier that uses {@code threads} threads: the caller and {@code threads - 1} of the JVM's helpers. */
    HostMatVec(int threads) {
        if (!AVAILABLE) {
            throw new IllegalStateException("the Vector API is not in this JVM: start it with --add-modules "
                    + "jdk.incubator.vector (the polis launcher does)");
        }
        this.threads = Math.max(1, Math.min(threads, HELPERS.length + 1));
        synchronized (TURN) {
            if (!warming) {
                warming = true;
                start(HostMatVec::warmUp, "polis-matvec-warm-up");
            }
            for (int i = 0; i < this.threads - 1; i++) {
                if (HELPERS[i] == null) {
                    HELPERS[i] = new Helper();
                    start(HELPERS[i], "polis-matvec-" + i);
                }
            }
        }
    }

    private static void start(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Runs the kernel on a small matrix until the JIT compiles it (about a second of one core), while the model
     * loads and reads its prompt: interpreted, the Vector API is hundreds of times slower, and the first decode
     * step would pay for it (4.5 s for one LM-head product of SmolLM2-135M's shape cold, 5-6 ms compiled).
     */
    private static void warmUp() {
        float[] w = new float[4 * 128];
        float[] x = new float[128];
        float[] y = new float[4];
        for (int i = 0; i < 20_000; i++) {
            VectorDot.rows(w, 128, x, y, 0, 4);
        }
    }

    /** Returns whether this JVM has the Vector API, that is whether the host product can run at all. */
    static boolean available() {
        return AVAILABLE;
    }

    /** Returns the threads one product uses. */
    int threads() {
        return threads;
    }

    /** Returns the SIMD lanes of a float vector on this CPU (16 with AVX-512, 8 with AVX2). */
    static int lanes() {
        return VectorDot.lanes();
    }

    /**
     * Returns {@code w x} for the row-major {@code [rows, cols]} matrix {@code w}: {@code y[r] = Σ_c w[r, c] x[c]}.
     * Products that need helpers take turns across the JVM.
     */
    float[] multiply(float[] w, int rows, int cols, float[] x) {
        float[] y = new float[rows];
        if (threads == 1 || (long) rows * cols < SPLIT_WEIGHTS) {
            VectorDot.rows(w, cols, x, y, 0, rows);
            return y;
        }
        int blockRows = Math.max(1, BLOCK_WEIGHTS / cols);
        int blocks = (rows + blockRows - 1) / blockRows;
        share(blocks, b -> {
            int from = b * blockRows;
            VectorDot.rows(w, cols, x, y, from, Math.min(rows, from + blockRows));
        });
        return y;
    }

    /**
     * Returns {@code w xs[j]} for every vector {@code xs[j]} (several rows of one sequence), each the same bits as
     * {@link #multiply(float[], int, int, float[])} gives for it alone; the weights are read once for every two vectors.
     */
    float[][] multiply(float[] w, int rows, int cols, float[][] xs) {
        if (xs.length == 1) {
            return new float[][] {multiply(w, rows, cols, xs[0])};
        }
        float[][] ys = new float[xs.length][rows];
        if (threads == 1 || (long) rows * cols * xs.length < SPLIT_WEIGHTS) {
            VectorDot.rows(w, cols, xs, ys, 0, rows);
            return ys;
        }
        // blocks of a multiple of four rows: only the last block can end in the kernel's slower rows outside a group
        int blockRows = Math.max(4, BLOCK_WEIGHTS / cols / xs.length & ~3);
        int blocks = (rows + blockRows - 1) / blockRows;
        share(blocks, b -> {
            int from = b * blockRows;
            VectorDot.rows(w, cols, xs, ys, from, Math.min(rows, from + blockRows));
        });
        return ys;
    }

    /**
     * Runs {@code body} for every block index in {@code [0, blocks)}, the blocks shared between the caller and this
     * multiplier's helpers (the caller alone when it has none); returns when all are done. Blocks must write disjoint
     * memory. Work that needs helpers takes turns across the JVM, as products do.
     */
    void share(int blocks, IntConsumer body) {
        if (threads == 1 || blocks == 1) {
            for (int b = 0; b < blocks; b++) {
                body.accept(b);
            }
            return;
        }
        synchronized (TURN) {
            Job job = new Job(blocks, body, Thread.currentThread());
            for (int i = 0; i < threads - 1; i++) {
                HELPERS[i].offer(job);
            }
            job.work();
            job.awaitDone();
        }
    }

    /** One piece of shared work, claimed block by block. */
    private static final class Job {
        private final int blocks;
        private final IntConsumer body;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger done = new AtomicInteger();
        private final Thread caller;

        Job(int blocks, IntConsumer body, Thread caller) {
            this.blocks = blocks;
            this.body = body;
            this.caller = caller;
        }

        /** Computes blocks until none is left to claim. */
        void work() {
            int b;
            while ((b = next.getAndIncrement()) < blocks) {
                body.accept(b);
                if (done.incrementAndGet() == blocks) {
                    LockSupport.unpark(caller);
                }
            }
        }

        /** Waits until every claimed block is written (briefly spinning, then parked until the last one is). */
        void awaitDone() {
            for (int spin = 0; done.get() < blocks; spin++) {
                if (spin < 1_000) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
        }
    }

    /**
     * A helper thread: takes the latest job offered, helps with it, then waits for the next: spinning for
     * {@link #SPIN_NANOS} first, since a decode step offers its next product within microseconds (waking a parked
     * thread costs tens of them, and a step has some 120 products), then parked until one is offered.
     */
    private static final class Helper implements Runnable {
        private final AtomicReference<Job> job = new AtomicReference<>();
        private volatile Thread thread;
        private volatile boolean parked;

        void offer(Job offered) {
            job.set(offered);
            if (parked) {
                LockSupport.unpark(thread);
            }
        }

        @Override
        public void run() {
            thread = Thread.currentThread();
            long idleSince = System.nanoTime();
            while (true) {
                Job current = job.getAndSet(null);
                if (current != null) {
                    current.work();
                    idleSince = System.nanoTime();
                } else if (System.nanoTime() - idleSince < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    parked = true;
                    if (job.get() == null) {
                        LockSupport.park(this);
                    }
                    parked = false;
                    idleSince = System.nanoTime();
                }
            }
        }
    }
}
