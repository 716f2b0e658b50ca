/**
 * Reads the Prometheus text exposition `GET /metrics` answers: each sample keyed by `name{labels}`
 * as printed. Used by the metrics tests and by the load benchmark's runtime row.
 *
 * @example parseExposition(await res.text()).get('relaydesk_queue_length') // → 0
 */
export function parseExposition(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    samples.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return samples;
}
