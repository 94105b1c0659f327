// A plain autocannon run in its own process (fork), so that the load generator's CPU is not taken
// from the server's event loop. Gets its options over IPC and answers the result.
import autocannon, { type Options } from "autocannon";

process.once("message", (opts: Options) => {
  void autocannon(opts).then((r) => {
    process.send!(r, () => process.exit(0));
  });
});
