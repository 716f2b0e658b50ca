/**
 * `npm run bench`: speed and size targets live here, never in timed tests.
 */
import { buildWidget, WIDGET_GZIP_BUDGET } from '../../scripts/bundle-widget.js';
import { benchReplyLatency } from './reply-latency.js';
import { benchTriage, benchTriageCjk } from './triage-throughput.js';

const triage = benchTriage();
console.log(`triage: ${triage.messagesPerSecond.toLocaleString('en')} messages/s wall, ${triage.messagesPerCpuSecond.toLocaleString('en')} per CPU second, single thread (${triage.messages} messages from ${triage.source}; target ≥ 50,000)`);

const cjk = benchTriageCjk();
console.log(`triage ja/zh: ${cjk.messagesPerSecond.toLocaleString('en')} messages/s wall, ${cjk.messagesPerCpuSecond.toLocaleString('en')} per CPU second (${cjk.messages} messages; target ≥ 20,000)`);

const widget = await buildWidget();
console.log(`widget.js: ${widget.rawBytes} B raw, ${widget.gzipBytes} B gzip, ${widget.brotliBytes} B brotli (budget ${WIDGET_GZIP_BUDGET} B gzip)`);

const latency = await benchReplyLatency(1000);
console.log(`bot reply latency: median ${latency.medianMs} ms, p99 ${latency.p99Ms} ms over ${latency.messages} messages (real server, sockets, SQLite)`);
process.exit(0);
