// Independent senders on separate threads, each with its own LocalChain (its own emulator instance),
// against one thread alone: aggregate transactions per second, alternating 1, 2, 1, 2 threads.
// Not part of the Maven build; run it with the CLI's jar on the class path:
//   java -XX:-DontCompileHugeMethods -XX:+UseParallelGC -cp cli/target/cocoon.jar \
//        chain/bench/ParallelSenders.java <warm-up sends> <measured sends>
// Each send is a wallet v4r2 transfer to an empty account: the external, the transfer, the bounce.
import io.cocoon4j.chain.LocalChain;
import io.cocoon4j.chain.Transfer;
import io.cocoon4j.chain.WalletV4;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ton.ton4j.address.Address;

public class ParallelSenders {
    static double txPerSecond(int threads, int warm, int sends) throws Exception {
        List<LocalChain> chains = new ArrayList<>();
        List<WalletV4> wallets = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            LocalChain chain = LocalChain.create();
            chain.setNow(1_750_000_000L);
            chains.add(chain);
            wallets.add(chain.fundedWallet("sender-" + t));
        }
        Address nowhere = Address.of("0:" + "ab".repeat(32));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Future<long[]>> results = new ArrayList<>();
        for (WalletV4 wallet : wallets) {
            results.add(pool.submit(() -> {
                for (int i = 0; i < warm; i++) {
                    wallet.send(Transfer.of(nowhere, Transfer.ton("0.01"), null));
                }
                start.await(); // measured sends start together
                long t0 = System.nanoTime();
                long txs = 0;
                for (int i = 0; i < sends; i++) {
                    txs += wallet.send(Transfer.of(nowhere, Transfer.ton("0.01"), null)).transactions().size();
                }
                return new long[] {txs, System.nanoTime() - t0};
            }));
        }
        long txs = 0;
        long slowestNs = 0;
        for (Future<long[]> f : results) {
            long[] r = f.get();
            txs += r[0];
            slowestNs = Math.max(slowestNs, r[1]);
        }
        pool.shutdown();
        chains.forEach(LocalChain::close);
        return txs / (slowestNs / 1e9);
    }

    public static void main(String[] args) throws Exception {
        int warm = Integer.parseInt(args[0]);
        int sends = Integer.parseInt(args[1]);
        for (int rep = 0; rep < 2; rep++) {
            double one = txPerSecond(1, warm, sends);
            double two = txPerSecond(2, warm, sends);
            System.out.printf("1 thread %.1f tx/s, 2 threads %.1f tx/s, ratio %.2f%n", one, two, two / one);
        }
    }
}
