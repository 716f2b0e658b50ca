/**
 * The composition root: reads the environment, builds the parts and binds ports.
 * The realtime server arrives with the server issue; until then `serve` says so.
 */
export async function main(): Promise<void> {
  process.stderr.write('relaydesk serve: the realtime server is not built yet (see the server issue)\n');
  process.exitCode = 1;
}
